namespace Smartnumbers.Functions.CallRecords;

/// <summary>A call arrived and was decided: writes the record (and its index entry).</summary>
public sealed record CallStarted : CallEvent
{
    public required CallRecord Record { get; init; }

    public static CallStarted For(CallRecord record) => new() { CallId = record.CallId, At = record.StartedAt, Record = record };
}
