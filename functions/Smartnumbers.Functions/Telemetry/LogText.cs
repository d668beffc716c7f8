using System.Globalization;
using System.Text;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// Outside text (caller ids, call ids: whatever a webhook sends) made fit for a log line: control characters escaped
/// (\r, \n, \t, \uXXXX), so the text cannot start a forged line or drive a terminal, and anything past
/// <see cref="MaxChars"/> cut off with the original length said.
/// </summary>
internal static class LogText
{
    /// <summary>Characters of the text kept.</summary>
    public const int MaxChars = 48;

    public static string Of(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var kept = text.Length > MaxChars ? text.AsSpan(0, MaxChars) : text.AsSpan();
        if (kept.Length == text.Length && !kept.ContainsAnyInRange('\u0000', '\u001f') && !kept.ContainsAnyInRange('\u007f', '\u009f'))
        {
            return text;
        }

        var line = new StringBuilder(kept.Length + 24);
        foreach (var c in kept)
        {
            _ = c switch
            {
                '\r' => line.Append("\\r"),
                '\n' => line.Append("\\n"),
                '\t' => line.Append("\\t"),
                _ when char.IsControl(c) => line.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => line.Append(c),
            };
        }

        if (kept.Length < text.Length)
        {
            line.Append("…(").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return line.ToString();
    }
}
