using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>What this instance holds that Table Storage has not taken yet: the same figures as /api/health's <c>callRecords</c> and <c>counters</c> blocks.</summary>
public interface IBacklogSnapshot
{
    CallRecordBacklog CallRecords();

    CounterBacklog Counters();
}
