namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// Port: every configured site of every account. Implemented over the admin area's site store (the lead wires it);
/// until one is registered, <see cref="NoSiteCatalog"/> lists none and the probe round does nothing.
/// </summary>
public interface ISiteCatalog
{
    Task<IReadOnlyList<SiteToProbe>> ListAsync(CancellationToken cancellationToken);
}
