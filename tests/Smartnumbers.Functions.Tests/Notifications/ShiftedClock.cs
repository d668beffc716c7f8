namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>
/// The system clock moved by <see cref="Offset"/>: the app's "now" can be put in the next clock hour while its timers,
/// delays and timeouts keep running in real time (a <c>FakeTimeProvider</c> would stop them).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
