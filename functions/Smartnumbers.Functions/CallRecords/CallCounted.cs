namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// A call to add to the velocity counters (<see cref="Counters.ICallCounters.RecordCallAsync"/>), written off the call
/// path like the records. Counting is at-least-once: a write retried after an ambiguous failure may count twice.
/// </summary>
public sealed record CallCounted : CallEvent
{
    public required string AccountId { get; init; }
    /// <summary>The caller's E.164 identity; null when withheld or invalid.</summary>
    public string? Caller { get; init; }
    public required string CalledNumber { get; init; }
    public bool Withheld { get; init; }
}
