using System.Text.Json.Serialization;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Storage;

/// <summary>GET /api/health: storage reachability, build version, and the call events this instance has not yet written.</summary>
/// <param name="Status">"ok" or "degraded".</param>
public sealed record StorageHealth(string Status, string Version, StorageHealth.StorageState Storage, CallRecordBacklog CallRecords)
{
    /// <summary>The areas' <see cref="IHealthBlock"/>s, written as top-level properties under their names.</summary>
    [JsonExtensionData]
    public IDictionary<string, object>? Blocks { get; init; }

    /// <param name="Reachable">A round trip to Table Storage succeeded just now.</param>
    /// <param name="TablesReady">Start-up has created the app's tables.</param>
    /// <param name="Error">Why not, in one line.</param>
    public sealed record StorageState(bool Reachable, bool TablesReady, string Endpoint, string? Error);
}
