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
