namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>The default when no site store is registered: no sites to probe.</summary>
internal sealed class NoSiteCatalog : ISiteCatalog
{
    public Task<IReadOnlyList<SiteToProbe>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SiteToProbe>>([]);
}
