namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// Port: every configured site of every account (<see cref="ConfigSiteCatalog"/> reads the configuration table).
/// </summary>
public interface ISiteCatalog
{
    Task<IReadOnlyList<SiteToProbe>> ListAsync(CancellationToken cancellationToken);
}
