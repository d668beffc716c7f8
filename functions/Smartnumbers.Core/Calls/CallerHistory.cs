namespace Smartnumbers.Core.Calls;

/// <summary>
/// Velocity and reputation figures about the caller, read by the adapter from storage (time-bucketed counters)
/// before the decision, excluding the current call. The core never reads storage itself.
/// Unknown figures stay 0: <see cref="Empty"/> is always a safe input.
/// </summary>
public sealed record CallerHistory
{
    /// <summary>No history: a first-time caller, or counters unavailable.</summary>
    public static CallerHistory Empty { get; } = new();

    /// <summary>Calls from this caller ID to this account in the last hour.</summary>
    public int CallsFromCallerLastHour { get; init; }
    /// <summary>Calls from this caller ID to this account in the last 24 hours.</summary>
    public int CallsFromCallerLastDay { get; init; }
    /// <summary>Withheld calls to the called number in the last hour.</summary>
    public int WithheldCallsToNumberLastHour { get; init; }
    /// <summary>Distinct numbers of this account this caller rang today.</summary>
    public int DistinctNumbersCalledToday { get; init; }
    /// <summary>Earlier calls from this caller labelled fraud.</summary>
    public int PriorFraudLabels { get; init; }
    /// <summary>Earlier calls from this caller labelled genuine.</summary>
    public int PriorGenuineLabels { get; init; }
}
