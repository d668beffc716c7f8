using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>The backlog as the call record writer reports it to /api/health.</summary>
internal sealed class WriterBacklogSnapshot(CallRecordWriter writer) : IBacklogSnapshot
{
    public CallRecordBacklog CallRecords() => writer.Backlog();

    public CounterBacklog Counters() => writer.CounterBacklog();
}
