namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Lets a repeated log line through at most once per interval and counts the ones held back, so that an outage or an
/// overload (thousands of calls a second) cannot flood the log and slow the call path down with it.
/// </summary>
internal sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    private long _nextTicks;
    private int _held;

    /// <summary>True when this occurrence should be logged; <paramref name="held"/> is how many were skipped since the last.</summary>
    public bool Allow(out int held)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextTicks);
        if (now >= next && Interlocked.CompareExchange(ref _nextTicks, now + interval.Ticks, next) == next)
        {
            held = Interlocked.Exchange(ref _held, 0);
            return true;
        }

        Interlocked.Increment(ref _held);
        held = 0;
        return false;
    }
}
