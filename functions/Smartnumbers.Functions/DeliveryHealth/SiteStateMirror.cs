using Smartnumbers.Core.Health;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// Copies a site's up/down status into the configuration table's "sitestate|{site}" row, which the snapshot builder reads
/// into <c>AccountSnapshot.DownSites</c>. The write bumps the account version, so every instance skips the site's
/// destinations within seconds, and is audited (channel "health") in the account's audit trail.
/// </summary>
internal sealed class SiteStateMirror(ConfigDocuments documents)
{
    /// <summary>Writes the row when it differs from <paramref name="status"/>; returns true when it wrote.</summary>
    public async Task<bool> EnsureAsync(string accountId, string siteId, SiteHealthStatus status, string detail, CancellationToken ct)
    {
        var key = ConfigRows.SiteState(siteId);
        var down = status == SiteHealthStatus.Down;
        var current = await documents.Store.GetAsync(accountId, key, ct);
        var mirrored = current?.Entity.GetBoolean(ConfigRows.SiteDownProperty) ?? false;
        if (mirrored == down)
        {
            return false;
        }

        var result = await documents.WriteAsync(accountId, [key], rows =>
        {
            var was = rows[key]?.Entity.GetBoolean(ConfigRows.SiteDownProperty) ?? false;
            return was == down
                ? ConfigChange.Refuse(WriteOutcome.Conflict, "already mirrored")
                : new ConfigChange
                {
                    Rows = [new RowChange(key, null) { Properties = new Dictionary<string, object> { [ConfigRows.SiteDownProperty] = down } }],
                    Action = down ? "site.down" : "site.restored",
                    Resource = "sites/" + siteId,
                    Before = was ? "{\"status\":\"down\"}" : "{\"status\":\"up\"}",
                    After = down ? "{\"status\":\"down\"}" : "{\"status\":\"up\"}",
                };
        }, new AuditActor(siteId, "system", AuditActor.Health), ct);
        return result.Outcome == WriteOutcome.Done;
    }
}
