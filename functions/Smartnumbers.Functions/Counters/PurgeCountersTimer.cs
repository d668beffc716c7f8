using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Counters;

/// <summary>Daily housekeeping of the call counters (schedule in PurgeCounters/function.json); see <see cref="CounterPurge"/>.</summary>
internal sealed class PurgeCountersTimer(CounterPurge purge, TimeProvider time) : ITimerFunction
{
    public string Name => "PurgeCounters";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var deleted = await purge.PurgeAsync(time.GetUtcNow(), cancellationToken);
        return [$"deleted {deleted} call-counter rows older than {CounterPurge.KeepDays} days"];
    }
}
