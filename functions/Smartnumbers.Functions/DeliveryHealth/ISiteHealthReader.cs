using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>Site health for the snapshot builder (AccountSnapshot.DownSites) and the admin API's site GET.</summary>
public interface ISiteHealthReader
{
    /// <summary>Site id → persisted health of every probed site of the account (sites never probed are absent: up).</summary>
    Task<IReadOnlyDictionary<string, SiteHealthState>> ReadAccountAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>The probes' persisted state of one site; null when it was never probed.</summary>
    Task<SiteHealthState?> ReadSiteAsync(string accountId, string siteId, CancellationToken cancellationToken);

    /// <summary>Ids of the account's sites that are down now.</summary>
    Task<IReadOnlySet<string>> DownSitesAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>The health area's audit entries for the account, newest first.</summary>
    Task<IReadOnlyList<HealthAuditEntry>> AuditAsync(string accountId, int max, CancellationToken cancellationToken);
}
