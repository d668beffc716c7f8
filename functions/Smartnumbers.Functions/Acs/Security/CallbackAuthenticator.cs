using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Acs.Security;

/// <summary>
/// Checks the ACS-signed JWT on a callback: RS256 by a key of Acs__CallbackJwksUri, issuer Acs__CallbackIssuer,
/// audience the ACS resource id, within its lifetime. The per-call secret in the callback URI is checked by the caller.
/// </summary>
public sealed class CallbackAuthenticator(IOptions<AcsOptions> options, IHttpClientFactory http, TimeProvider time) : IAcsRequestAuthenticator
{
    private readonly Lazy<JwksTokenValidator> _validator = new(() =>
        new JwksTokenValidator(new Uri(options.Value.CallbackJwksUri), http.CreateClient(AcsJwks.HttpClientName), time));

    public async Task<bool> IsAuthenticAsync(HttpRequest request, CancellationToken ct)
    {
        var token = AcsJwks.BearerToken(request);
        if (token is null)
        {
            return false;
        }

        var o = options.Value;
        var result = await _validator.Value.ValidateAsync(token, [o.CallbackIssuer], [o.EffectiveCallbackAudience!], ct);
        return result.IsValid;
    }
}
