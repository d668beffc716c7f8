using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>A page of call records, newest first; pass <see cref="Continuation"/> back as ?continuation= for the next.</summary>
internal sealed record CallPage(IReadOnlyList<CallRecord> Calls, string? Continuation);
