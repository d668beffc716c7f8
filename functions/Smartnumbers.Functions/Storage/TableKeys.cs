using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.Storage;

/// <summary>
/// The one rule for Table Storage keys: every part of a PartitionKey or RowKey that comes from outside text (caller ids,
/// call ids, numbers, account ids) goes through <see cref="Safe"/>, and times through <see cref="Inverted"/>.
/// </summary>
internal static class TableKeys
{
    /// <summary>How a hashed key starts; '~' never starts a plain value (it is not plain), so no plain value looks like a hash.</summary>
    public const string HashMarker = "~h";

    /// <summary>The longest value kept as it is (a key may hold 1 KiB; a key joins a few parts).</summary>
    public const int MaxPlain = 200;

    private const int MaxKey = 1024;
    private const int HashChars = 40; // 160 bits of SHA-256, lower-case hex.

    /// <summary>
    /// A value as a key part: itself when it is plain (1–<see cref="MaxPlain"/> printable ASCII characters other than
    /// / \ # ? % | ' ~), which every E.164 number, Twilio CallSid and account id is; otherwise
    /// <see cref="HashMarker"/> + the first 40 hex digits of the SHA-256 of its UTF-8 (42 characters), which storage
    /// always takes. The same value always gives the same key; the value itself is kept in a property where it matters.
    /// </summary>
    public static string Safe(string value) => IsPlain(value) ? value : Hash(value);

    /// <summary>
    /// Sorts newest first: (DateTimeOffset.MaxValue − t) in ticks, 19 digits, t truncated to the millisecond (the
    /// precision a time keeps through a carrier callback URL, so every writer derives the same key).
    /// </summary>
    public static string Inverted(DateTimeOffset t)
    {
        var ticks = t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond;
        return (DateTimeOffset.MaxValue.UtcTicks - ticks).ToString("D19", CultureInfo.InvariantCulture);
    }

    /// <summary>The time a key made by <see cref="Inverted"/> starts with (UTC, to the millisecond); null when it does not.</summary>
    public static DateTimeOffset? FromInverted(string key) =>
        key.Length >= 19 && long.TryParse(key.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)
            && DateTimeOffset.MaxValue.UtcTicks - inverted is var ticks && ticks >= 0
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    /// <summary>
    /// Whether Table Storage takes <paramref name="key"/> as a PartitionKey or RowKey: at most 1 KiB (1 024 characters)
    /// and none of / \ # ? or the control characters U+0000–U+001F, U+007F–U+009F. Every key built with
    /// <see cref="Safe"/> is; a key kept by an earlier version (in a saved file) may not be.
    /// </summary>
    public static bool IsValidKey(string key)
    {
        if (key.Length > MaxKey)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlain(string value)
    {
        if (value.Length is 0 or > MaxPlain)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '/' or '\\' or '#' or '?' or '%' or '|' or '\'' or '~')
            {
                return false;
            }
        }

        return true;
    }

    private static string Hash(string value)
    {
        // Unpaired surrogates become U+FFFD in UTF-8: such values may share a key, which is harmless for odd text.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return HashMarker + Convert.ToHexStringLower(hash)[..HashChars];
    }
}
