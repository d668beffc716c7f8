using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Daily housekeeping of the dial-in tables (schedule in PurgeIvrRows/function.json): sessions expired for more than
/// <see cref="Grace"/>, and PIN-failure rows whose window and lock ended more than <see cref="Grace"/> ago. The lockouts
/// themselves stay in the account's audit log.
/// </summary>
internal sealed class PurgeIvrRowsTimer(IvrSessionStore sessions, PinLockouts lockouts, TimeProvider time) : ITimerFunction
{
    /// <summary>How long spent rows are kept for anyone looking into a dial-in call.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public string Name => "PurgeIvrRows";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Grace;
        var expired = await sessions.PurgeExpiredAsync(before, cancellationToken);
        var spent = await lockouts.PurgeSpentAsync(before, cancellationToken);
        return [$"purged {expired} expired dial-in sessions and {spent} spent PIN-failure rows (older than {before:O})"];
    }
}
