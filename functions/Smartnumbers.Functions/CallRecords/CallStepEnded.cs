namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// A dialled route step ended. Updates the call record and adds one delivery outcome per destination (passive health).
/// </summary>
public sealed record CallStepEnded : CallEvent
{
    public required string AccountId { get; init; }
    /// <summary>The call's start, when the adapter knows it (saves a lookup); null: found through the call index.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    public required string Carrier { get; init; }
    public required CallStepOutcome Outcome { get; init; }
}
