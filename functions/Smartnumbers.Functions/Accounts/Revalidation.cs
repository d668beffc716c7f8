namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Single-flight, rate-limited refresh of one cached item: concurrent callers share one storage round trip, and the item
/// is not re-checked within <c>freshFor</c> of the end of the last attempt (successful or not, so a storage outage is not
/// hammered). An attempt still under way is never "fresh": callers arriving meanwhile wait on it rather than read a cache
/// it has not filled yet. The work must not throw.
/// </summary>
internal sealed class Revalidation(TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task? _pending;
    private long _finishedAt;
    private bool _finished;

    public bool IsFresh(TimeSpan freshFor)
    {
        lock (_gate)
        {
            return _finished && _pending is null or { IsCompleted: true } && time.GetElapsedTime(_finishedAt) < freshFor;
        }
    }

    /// <summary>The running check, or a new one (<paramref name="work"/>) when none runs.</summary>
    public Task RunAsync(Func<Task> work)
    {
        lock (_gate)
        {
            if (_pending is { IsCompleted: false } running)
            {
                return running;
            }

            _pending = RunAndStampAsync(work);
            return _pending;
        }
    }

    private async Task RunAndStampAsync(Func<Task> work)
    {
        try
        {
            await Task.Run(work).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _finished = true;
                _finishedAt = time.GetTimestamp();
            }
        }
    }
}
