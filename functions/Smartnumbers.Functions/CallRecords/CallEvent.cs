using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Something that happened to a call, to be written to its record off the call path. Every event is an idempotent
/// upsert keyed by call id (+ step): writing one twice, or events out of order, gives the same record.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(CallStarted), "started")]
[JsonDerivedType(typeof(CallStepEnded), "stepEnded")]
[JsonDerivedType(typeof(CallEnded), "ended")]
[JsonDerivedType(typeof(CallCounted), "counted")]
public abstract record CallEvent
{
    public required string CallId { get; init; }
    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }
}
