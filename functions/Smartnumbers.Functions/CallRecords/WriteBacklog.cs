using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>What this instance holds that is not yet in Table Storage, read at one moment: call events and counter rows.</summary>
public sealed record WriteBacklog(CallRecordBacklog Records, CounterBacklog Counters);
