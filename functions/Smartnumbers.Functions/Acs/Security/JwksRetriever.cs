using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace Smartnumbers.Functions.Acs.Security;

/// <summary>Reads a bare JWKS document (ACS publishes keys without an OIDC discovery hop).</summary>
internal sealed class JwksRetriever : IConfigurationRetriever<JsonWebKeySet>
{
    public async Task<JsonWebKeySet> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel) =>
        new(await retriever.GetDocumentAsync(address, cancel));
}
