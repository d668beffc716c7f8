namespace Smartnumbers.Functions.CallRecords;

/// <summary>A read-only snapshot of the write backlog (for GET /api/health and gauges); cheap, never touches storage.</summary>
public interface IWriteBacklog
{
    WriteBacklog Snapshot();
}
