using System.Text.Json.Serialization;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.Storage;

/// <summary>
/// GET /api/health: storage reachability, build version, and what this instance holds that is not yet in storage: call
/// events (<paramref name="CallRecords"/>) and velocity counter rows (<paramref name="Counters"/>), each in memory, on
/// disk, and dead-lettered.
/// </summary>
/// <param name="Status">"ok" or "degraded".</param>
public sealed record StorageHealth(string Status, string Version, StorageHealth.StorageState Storage, CallRecordBacklog CallRecords, CounterBacklog Counters)
{
    /// <summary>The areas' <see cref="IHealthBlock"/>s, written as top-level properties under their names.</summary>
    [JsonExtensionData]
    public IDictionary<string, object>? Blocks { get; init; }

    /// <param name="Reachable">A round trip to Table Storage succeeded just now.</param>
    /// <param name="TablesReady">Start-up has created the app's tables.</param>
    /// <param name="Error">Why not, in one line.</param>
    public sealed record StorageState(bool Reachable, bool TablesReady, string Endpoint, string? Error);
}
