using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// X-Twilio-Signature: base64(HMAC-SHA1(auth token, url + each parameter's key and value)), keys in ordinal order,
/// decoded values, empty values included. A repeated key contributes each distinct value once, in ordinal order
/// (as the official Node helper does). Comparisons are constant-time.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>The signature Twilio sends for a request to <paramref name="url"/> with these form parameters.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        ComputeMac(authToken, url, SortedPairs(parameters), mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> matches any of <paramref name="urls"/> (each tried as given, without its
    /// port, and with the scheme's default port) with these parameters.
    /// </summary>
    public static bool IsValid(string authToken, string? signature, IEnumerable<string> urls, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA1.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature, expected, out var written) || written != expected.Length)
        {
            return false;
        }

        var pairs = SortedPairs(parameters);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        foreach (var candidate in urls.SelectMany(UrlVariants))
        {
            ComputeMac(authToken, candidate, pairs, mac);
            // Each MAC is compared in constant time. Stopping at the first URL that matches tells a caller only which
            // of the public URLs it signed, which it knows: a wrong signature always costs every candidate.
            if (CryptographicOperations.FixedTimeEquals(mac, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One URL, as given, with and without the port.</summary>
    public static bool IsValid(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, StringValues>> parameters) =>
        IsValid(authToken, signature, [url], parameters);

    /// <summary>
    /// A request with a JSON (or other non-form) body: the URL carries bodySHA256 = lowercase hex SHA-256 of the raw
    /// body, and the signature covers the URL alone.
    /// </summary>
    public static bool IsValidWithBody(string authToken, string? signature, IEnumerable<string> urls, ReadOnlySpan<byte> body, string? bodySha256)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        var actual = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash));
        var claimed = Encoding.ASCII.GetBytes(bodySha256 ?? "");
        var bodyOk = CryptographicOperations.FixedTimeEquals(actual, claimed);
        return IsValid(authToken, signature, urls, []) & bodyOk;
    }

    /// <summary>The URL as given, without its port, and with the scheme's default port (443 or 80) when it has none.</summary>
    public static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            yield break;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var portStart = authority.IndexOf(':', Math.Max(hostStart, authority.LastIndexOf(']') + 1));
        var prefix = url[..authorityStart];
        var rest = url[authorityEnd..];
        if (portStart >= 0)
        {
            yield return prefix + authority[..portStart] + rest;
        }
        else
        {
            var port = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
            yield return prefix + authority + port + rest;
        }
    }

    private static List<(string Key, string Value)> SortedPairs(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var pairs = new List<(string Key, string Value)>();
        foreach (var (key, values) in parameters)
        {
            if (values.Count <= 1)
            {
                pairs.Add((key, values.Count == 0 ? "" : values[0] ?? ""));
                continue;
            }

            foreach (var value in values.Select(v => v ?? "").Distinct(StringComparer.Ordinal))
            {
                pairs.Add((key, value));
            }
        }

        pairs.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return pairs;
    }

    [SuppressMessage("Security", "CA5350:Do not use weak cryptographic algorithms", Justification = "HMAC-SHA1 is Twilio's signature algorithm.")]
    private static void ComputeMac(string authToken, string url, List<(string Key, string Value)> pairs, Span<byte> mac)
    {
        var length = Encoding.UTF8.GetByteCount(url);
        foreach (var (key, value) in pairs)
        {
            length += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = Encoding.UTF8.GetBytes(url, rented);
            foreach (var (key, value) in pairs)
            {
                at += Encoding.UTF8.GetBytes(key, rented.AsSpan(at));
                at += Encoding.UTF8.GetBytes(value, rented.AsSpan(at));
            }

            HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), rented.AsSpan(0, at), mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
