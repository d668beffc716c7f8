using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// Nightly (schedule in RefitModels/function.json, 02:30 UTC), when <see cref="RiskModelOptions.NightlyRefit"/> is on:
/// refits every account that has enough labels into a new candidate. Never promotes: what goes live stays an admin's
/// decision. A run with the setting off does nothing.
/// </summary>
internal sealed class RefitModelsTimer(ConfigDocuments documents, ModelRefit refit, IOptions<RiskModelOptions> options) : ITimerFunction
{
    public static readonly AuditActor Actor = new("RefitModels", "system", AuditActor.Schedule);

    public string Name => "RefitModels";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        if (!options.Value.NightlyRefit)
        {
            return ["nightly refit is off (setting RiskModel__NightlyRefit)"];
        }

        var lines = new List<string>();
        foreach (var (account, _) in await documents.AcrossAccountsAsync(ConfigRows.Account, ConfigJsonContext.Web.AccountSettings, cancellationToken))
        {
            lines.Add(await RefitAsync(account, cancellationToken));
        }

        return lines;
    }

    /// <summary>One account's nightly refit: a candidate, or why not.</summary>
    public async Task<string> RefitAsync(string account, CancellationToken ct)
    {
        var outcome = await refit.RunAsync(account, Actor, ct);
        return outcome.Candidate is { } candidate
            ? FormattableString.Invariant($"{account}: candidate version {candidate.Version} (held-out AUC {candidate.Evaluation?.Candidate.Auc:0.000}, live {candidate.Evaluation?.Live.Auc:0.000})")
            : FormattableString.Invariant($"{account}: not refitted, {outcome.FraudLabels} fraud and {outcome.GenuineLabels} genuine labels");
    }
}
