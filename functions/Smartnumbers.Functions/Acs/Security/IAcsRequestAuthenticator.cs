namespace Smartnumbers.Functions.Acs.Security;

/// <summary>Decides whether a request to an ACS route really comes from Event Grid / ACS.</summary>
public interface IAcsRequestAuthenticator
{
    Task<bool> IsAuthenticAsync(HttpRequest request, CancellationToken ct);
}
