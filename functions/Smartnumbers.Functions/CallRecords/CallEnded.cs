namespace Smartnumbers.Functions.CallRecords;

/// <summary>The carrier reported the call's final status (and duration).</summary>
public sealed record CallEnded : CallEvent
{
    /// <summary>Null when the carrier's callback does not say (found through the call index).</summary>
    public string? AccountId { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public required string Status { get; init; }
    public int? DurationSeconds { get; init; }
}
