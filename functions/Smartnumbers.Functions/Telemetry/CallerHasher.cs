using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// The caller's number as it may appear in telemetry: HMAC-SHA256 keyed by <see cref="TelemetryOptions.CallerHashKey"/>
/// (an app setting held in Key Vault), first 16 bytes, lower-case hex. The same caller gives the same hash while the key
/// stays the same, so an operator can find a caller's calls without the number being stored. No key: no hash at all.
/// </summary>
public sealed class CallerHasher : IDisposable
{
    private readonly byte[]? _key;

    /// <summary>One keyed HMAC per thread, reused: the one-shot HMACSHA256.HashData sets the key up on every call.</summary>
    private readonly ThreadLocal<HMACSHA256>? _hmac;

    public CallerHasher(IOptions<TelemetryOptions> options)
    {
        if (!string.IsNullOrEmpty(options.Value.CallerHashKey))
        {
            var key = Encoding.UTF8.GetBytes(options.Value.CallerHashKey);
            _key = key;
            _hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(key), trackAllValues: true);
        }
    }

    public bool Enabled => _key is not null;

    /// <summary>The hash of <paramref name="number"/>; null when no key is set or there is no number.</summary>
    public string? Hash(string? number)
    {
        if (_hmac is null || string.IsNullOrEmpty(number) || number.Length > 64)
        {
            return null;
        }

        Span<byte> text = stackalloc byte[Encoding.UTF8.GetMaxByteCount(number.Length)];
        var length = Encoding.UTF8.GetBytes(number, text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.Value!.TryComputeHash(text[..length], mac, out _);
        return Convert.ToHexStringLower(mac[..16]);
    }

    public void Dispose()
    {
        if (_hmac is null)
        {
            return;
        }

        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
    }
}
