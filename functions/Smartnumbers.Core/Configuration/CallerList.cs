namespace Smartnumbers.Core.Configuration;

/// <summary>
/// A block or allow list. Entries are E.164 numbers, E.164 prefixes ending in '*' (e.g. "+44909*"),
/// or the literal "anonymous" (matches withheld callers).
/// </summary>
public sealed record CallerList
{
    public static CallerList Empty { get; } = new();
    public IReadOnlySet<string> Entries { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Null when <paramref name="entry"/> is a valid list entry ("anonymous", an E.164 number, or "+" and 1–15 digits
    /// followed by '*'); otherwise the reason it is not.
    /// </summary>
    public static string? ValidateEntry(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return "Required.";
        }
        if (entry == "anonymous")
        {
            return null;
        }
        if (entry.EndsWith('*'))
        {
            var digits = entry[..^1];
            return digits.Length is >= 2 and <= 16 && digits[0] == '+' && digits[1..].All(char.IsAsciiDigit)
                ? null
                : "A prefix is '+' and 1 to 15 digits followed by '*', e.g. +44909*.";
        }
        return ConfigChecks.IsE164(entry) ? null : "Must be \"anonymous\", a valid E.164 number, or a prefix ending in '*'.";
    }
}
