namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// A call to add to the velocity counters: counted in this instance's memory at once, written with the counters' next
/// flush; kept with the other events (spilled, counted by the next start) once counting closed at shutdown.
/// </summary>
public sealed record CallCounted : CallEvent
{
    public required string AccountId { get; init; }
    /// <summary>The caller's E.164 identity; null when withheld or invalid.</summary>
    public string? Caller { get; init; }
    public required string CalledNumber { get; init; }
    public bool Withheld { get; init; }

    /// <summary>The call as the counters count it.</summary>
    public Counters.CallCount ToCount() => new(AccountId, Caller, CalledNumber, Withheld, At);
}
