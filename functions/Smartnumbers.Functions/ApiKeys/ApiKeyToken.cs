using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.ApiKeys;

/// <summary>
/// An account API key: <c>snk.{account}.{id}.{secret}</c>, secret = 32 random bytes (base64url). Only the SHA-256 of the
/// secret is stored; the id locates the stored row, so a key is checked with one point read.
/// </summary>
internal sealed record ApiKeyToken(string Account, string Id, string Secret)
{
    private const string Prefix = "snk";

    public string Value => string.Join('.', Prefix, Account, Id, Secret);

    public static ApiKeyToken New(string account) =>
        new(account, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), Base64Url(RandomNumberGenerator.GetBytes(32)));

    public static ApiKeyToken? Parse(string value)
    {
        var parts = value.Split('.');
        return parts is [Prefix, { Length: > 0 } account, { Length: 16 } id, { Length: > 0 } secret] ? new ApiKeyToken(account, id, secret) : null;
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
