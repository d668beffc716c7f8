namespace Smartnumbers.Functions.Storage;

/// <summary>GET /api/health: storage reachability and build version.</summary>
/// <param name="Status">"ok" or "degraded".</param>
public sealed record StorageHealth(string Status, string Version, StorageHealth.StorageState Storage)
{
    /// <param name="Reachable">A round trip to Table Storage succeeded just now.</param>
    /// <param name="TablesReady">Start-up has created the app's tables.</param>
    /// <param name="Error">Why not, in one line.</param>
    public sealed record StorageState(bool Reachable, bool TablesReady, string Endpoint, string? Error);
}
