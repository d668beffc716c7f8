using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>
/// ACS HMAC-SHA256 request signing: StringToSign = VERB\nPathAndQuery\n{x-ms-date};{host};{x-ms-content-sha256},
/// signed with the base64-decoded access key.
/// </summary>
public static class AcsHmacSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string Date(DateTimeOffset now) => now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    public static string StringToSign(string verb, string pathAndQuery, string date, string host, string contentHash) =>
        $"{verb.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    public static string Signature(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public static string AuthorizationHeader(string signature) => $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";
}
