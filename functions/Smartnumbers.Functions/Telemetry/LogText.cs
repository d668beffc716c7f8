using System.Text;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// Caller-controlled text (call ids, numbers, caller IDs) made safe for a log line: control characters escaped as
/// \uXXXX, so a forged value cannot break or fake a line, and cut at 200 characters.
/// </summary>
public static class LogText
{
    private const int MaxLength = 200;

    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var clean = true;
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return value.Length <= MaxLength ? value : value[..MaxLength] + "…";
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 16);
        foreach (var c in value)
        {
            if (text.Length >= MaxLength)
            {
                text.Append('…');
                break;
            }

            if (char.IsControl(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
