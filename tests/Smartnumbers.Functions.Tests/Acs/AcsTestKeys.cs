using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Our own RSA keys standing in for ACS's (and Entra's) token signing keys, and a JWKS that publishes one.</summary>
public sealed class AcsTestKeys : IDisposable
{
    public const string KeyId = "smartnumbers-test-key";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _forger = RSA.Create(2048);

    /// <summary>The JWKS document publishing the genuine key.</summary>
    public string Jwks
    {
        get
        {
            var p = _rsa.ExportParameters(false);
            return $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{KeyId}}","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}"}]}""";
        }
    }

    /// <summary>A token valid from five minutes before <paramref name="expires"/>; <paramref name="forged"/> signs with another key under the same key id.</summary>
    public string Token(string issuer, string audience, DateTimeOffset expires, bool forged = false, IDictionary<string, object>? claims = null)
    {
        var key = new RsaSecurityKey(forged ? _forger : _rsa) { KeyId = KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-5).UtcDateTime,
            NotBefore = expires.AddMinutes(-5).UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", "acs")]),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _forger.Dispose();
    }
}
