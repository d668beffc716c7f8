namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>Stands in for authentication when neither Acs__ConnectionString nor Acs__Endpoint is set.</summary>
internal sealed class AcsNotConfiguredHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("ACS is not configured: set Acs__ConnectionString or Acs__Endpoint");
}
