using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// The caller's number as it may appear in telemetry: HMAC-SHA256 keyed by <see cref="TelemetryOptions.CallerHashKey"/>
/// (an app setting held in Key Vault), first 16 bytes, lower-case hex. The same caller gives the same hash while the key
/// stays the same, so an operator can find a caller's calls without the number being stored. No key: no hash at all.
/// </summary>
public sealed class CallerHasher(IOptions<TelemetryOptions> options)
{
    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.CallerHashKey) ? null : Encoding.UTF8.GetBytes(options.Value.CallerHashKey);

    public bool Enabled => _key is not null;

    /// <summary>The hash of <paramref name="number"/>; null when no key is set or there is no number.</summary>
    public string? Hash(string? number)
    {
        if (_key is null || string.IsNullOrEmpty(number) || number.Length > 64)
        {
            return null;
        }

        Span<byte> text = stackalloc byte[Encoding.UTF8.GetMaxByteCount(number.Length)];
        var length = Encoding.UTF8.GetBytes(number, text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, text[..length], mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
