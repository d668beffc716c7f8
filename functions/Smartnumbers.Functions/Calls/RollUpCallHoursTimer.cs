using System.Globalization;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Hourly (schedule in RollUpCallHours/function.json, minute 6: after the hour that just ended has passed
/// <see cref="CallHourRollups.Grace"/>): for every account, folds and stores each closed hour of the last
/// <see cref="LookBack"/> that has no usable roll-up row (new, or marked stale by a late record), so the first summary of
/// a range reads roll-ups instead of folding the records. The fold and the conditional store are
/// <see cref="CallSummaryReader"/>'s, so a record written meanwhile is never left out.
/// </summary>
internal sealed class RollUpCallHoursTimer(ConfigDocuments documents, CallSummaryReader reader, TimeProvider time) : ITimerFunction
{
    /// <summary>How far back each run looks: the console's longest chart range, 7 days.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    public string Name => "RollUpCallHours";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var (account, _) in await documents.AcrossAccountsAsync(ConfigRows.Account, ConfigJsonContext.Web.AccountSettings, cancellationToken))
        {
            lines.Add(await RollUpAsync(account, cancellationToken));
        }

        return lines;
    }

    /// <summary>One account's run: the closed hours of the last <see cref="LookBack"/> without a usable row, folded and stored.</summary>
    public async Task<string> RollUpAsync(string account, CancellationToken ct)
    {
        // The hours that end at least the grace ago: every hour before the one (now - grace) falls in.
        var to = CallHourRollups.HourOf(time.GetUtcNow() - CallHourRollups.Grace);
        var from = to - LookBack;
        var (folded, stored) = await reader.RollUpAsync(account, from, to, ct);
        return string.Create(CultureInfo.InvariantCulture, $"{account}: {folded} closed hours folded, {stored} stored ({from:yyyy-MM-dd HH}:00–{to:yyyy-MM-dd HH}:00 UTC)");
    }
}
