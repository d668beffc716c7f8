using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace Smartnumbers.Functions.Acs.Security;

/// <summary>
/// Validates RS256 JWTs against a JWKS URI: keys cached (refreshed every 12 h, and at once — at most every 30 s — when a
/// token names an unknown key, for rollover), issuer, audience and lifetime (time from <see cref="TimeProvider"/>).
/// Plain http is accepted only for loopback JWKS addresses (tests).
/// </summary>
public sealed class JwksTokenValidator
{
    private readonly ConfigurationManager<JsonWebKeySet> _keys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _time;

    public JwksTokenValidator(Uri jwksUri, HttpClient http, TimeProvider time)
    {
        _time = time;
        _keys = new ConfigurationManager<JsonWebKeySet>(jwksUri.AbsoluteUri, new JwksRetriever(), new HttpDocumentRetriever(http) { RequireHttps = !jwksUri.IsLoopback })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromSeconds(30),
        };
    }

    public async Task<TokenValidationResult> ValidateAsync(string token, IReadOnlyList<string> issuers, IReadOnlyList<string> audiences, CancellationToken ct)
    {
        JsonWebKeySet keys;
        try
        {
            keys = await _keys.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException ex)
        {
            return new TokenValidationResult { IsValid = false, Exception = ex };
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(keys, issuers, audiences));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _keys.RequestRefresh();
            keys = await _keys.GetConfigurationAsync(ct);
            result = await _handler.ValidateTokenAsync(token, Parameters(keys, issuers, audiences));
        }

        return result;
    }

    private TokenValidationParameters Parameters(JsonWebKeySet keys, IReadOnlyList<string> issuers, IReadOnlyList<string> audiences) => new()
    {
        ValidIssuers = issuers,
        ValidAudiences = audiences,
        IssuerSigningKeys = keys.GetSigningKeys(),
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        LifetimeValidator = ValidLifetime,
    };

    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var skew = TimeSpan.FromMinutes(1);
        return expires is { } exp && exp.ToUniversalTime() + skew > now && (notBefore is not { } nbf || nbf.ToUniversalTime() - skew <= now);
    }
}
