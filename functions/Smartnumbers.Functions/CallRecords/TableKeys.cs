using System.Globalization;
using System.Text;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>Table Storage key helpers for the call-record tables.</summary>
internal static class TableKeys
{
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

    /// <summary>A value made safe for a PartitionKey/RowKey: '/', '\', '#', '?', '%', '|' and control characters percent-encoded.</summary>
    public static string Safe(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c);
}
