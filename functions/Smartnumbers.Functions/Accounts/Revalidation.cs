namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Single-flight, rate-limited refresh of one cached item: concurrent callers share one storage round trip, and the item
/// is not re-checked within <c>freshFor</c> of the last attempt (successful or not, so a storage outage is not hammered).
/// The work must not throw.
/// </summary>
internal sealed class Revalidation(TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task? _pending;
    private long _attemptedAt;
    private bool _attempted;

    public bool IsFresh(TimeSpan freshFor)
    {
        lock (_gate)
        {
            return _attempted && time.GetElapsedTime(_attemptedAt) < freshFor;
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

            _attempted = true;
            _attemptedAt = time.GetTimestamp();
            _pending = Task.Run(work);
            return _pending;
        }
    }
}
