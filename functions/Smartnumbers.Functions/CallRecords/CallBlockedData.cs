namespace Smartnumbers.Functions.CallRecords;

/// <summary>The data of a <c>Smartnumbers.Call.Blocked</c> event.</summary>
public sealed record CallBlockedData(
    string CallId, string Carrier, string CalledNumber, string? Caller, bool Withheld, string? RejectMode, string? Reason, DateTimeOffset At);
