namespace Smartnumbers.Core.Calls;

/// <summary>
/// Turns the caller/called text a carrier sends into a number string, recognising every withheld form:
/// "anonymous", "4:anonymous", "Restricted", "private", "blocked", "unavailable", "unknown", empty, "client:Anonymous",
/// and the keypad-spelled fakes some networks present (+266696687 ANONYMOUS, +86282452253 UNAVAILABLE, +8656696 UNKNOWN,
/// +2562533 BLOCKED, +7378742833 RESTRICTED).
/// </summary>
public static class CallerIdText
{
    private static readonly string[] PrivacyWords = ["anonymous", "restricted", "private", "blocked", "withheld", "private number", "anonymous caller"];
    private static readonly string[] UnavailableWords = ["unavailable", "unknown", "null", "none", "not available", "out of area"];
    private static readonly string[] KeypadPrivacy = ["266696687", "2562533", "7378742833"];
    private static readonly string[] KeypadUnavailable = ["86282452253", "8656696"];

    /// <summary>Classifies <paramref name="raw"/> and returns the number part (null when withheld/unavailable).</summary>
    /// <param name="raw">The carrier's text: E.164, "4:+44…", "tel:…", "sip:user@host", "client:name", or a withheld word.</param>
    /// <param name="keypadFake">True when the text was a keypad-spelled withheld marker.</param>
    public static (CallerIdStatus Status, string? Number) Classify(string? raw, out bool keypadFake)
    {
        keypadFake = false;
        var text = Strip(raw);
        if (text.Length == 0)
        {
            return (CallerIdStatus.Unavailable, null);
        }
        if (Matches(text, PrivacyWords))
        {
            return (CallerIdStatus.Withheld, null);
        }
        if (Matches(text, UnavailableWords))
        {
            return (CallerIdStatus.Unavailable, null);
        }
        var digits = text.StartsWith('+') ? text.AsSpan(1) : text.AsSpan();
        foreach (var fake in KeypadPrivacy)
        {
            if (digits.SequenceEqual(fake))
            {
                keypadFake = true;
                return (CallerIdStatus.Withheld, null);
            }
        }
        foreach (var fake in KeypadUnavailable)
        {
            if (digits.SequenceEqual(fake))
            {
                keypadFake = true;
                return (CallerIdStatus.Unavailable, null);
            }
        }
        return (CallerIdStatus.Presented, text);
    }

    /// <summary>
    /// Strips carrier decoration: whitespace, "tel:", ACS rawId "4:", "sip:"/"sips:" (keeps the user part),
    /// "client:" (keeps the name), URI parameters, and visual separators inside numbers; "00" becomes "+".
    /// Returns "" for null or blank input. Never throws.
    /// </summary>
    public static string Strip(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }
        var s = raw.AsSpan().Trim();
        s = TrimPrefix(s, "4:");
        s = TrimPrefix(s, "tel:");
        if (s.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[(s.IndexOf(':') + 1)..];
            var at = s.IndexOf('@');
            if (at >= 0)
            {
                s = s[..at];
            }
        }
        s = TrimPrefix(s, "client:");
        var semi = s.IndexOf(';');
        if (semi >= 0)
        {
            s = s[..semi];
        }
        s = s.Trim();
        if (s.Length == 0)
        {
            return "";
        }
        return LooksNumeric(s) ? CompactNumber(s) : s.ToString();
    }

    /// <summary>
    /// The address of a SIP identity header value (P-Asserted-Identity as a PBX copies it): the URI inside the first
    /// <c>&lt;…&gt;</c> of a name-addr (<c>"Name" &lt;sip:…&gt;</c>), else the first of comma-separated values; null
    /// stays null. Only for identity headers: a caller's From text is kept whole (it is recorded as sent).
    /// </summary>
    public static string? IdentityHeaderAddress(string? header)
    {
        if (header is null)
        {
            return null;
        }
        var s = header.AsSpan().Trim();
        var open = s.IndexOf('<');
        if (open >= 0)
        {
            s = s[(open + 1)..];
            var close = s.IndexOf('>');
            return (close >= 0 ? s[..close] : s).Trim().ToString();
        }
        var comma = s.IndexOf(',');
        return (comma >= 0 ? s[..comma].Trim() : s).ToString();
    }

    private static ReadOnlySpan<char> TrimPrefix(ReadOnlySpan<char> s, string prefix) =>
        s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? s[prefix.Length..].TrimStart() : s;

    private static bool Matches(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Digits with an optional leading '+' and separators (space, '-', '.', '(', ')').</summary>
    private static bool LooksNumeric(ReadOnlySpan<char> s)
    {
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '.' or '(' or ')' || (c == '+' && i == 0)))
            {
                return false;
            }
        }
        return digits > 0;
    }

    private static string CompactNumber(ReadOnlySpan<char> s)
    {
        Span<char> buffer = stackalloc char[Math.Min(s.Length + 1, 64)];
        var n = 0;
        foreach (var c in s)
        {
            if ((char.IsAsciiDigit(c) || c == '+') && n < buffer.Length)
            {
                buffer[n++] = c;
            }
        }
        var result = buffer[..n];
        if (result.StartsWith("00") && result.Length > 2)
        {
            return string.Concat("+", result[2..]);
        }
        return result.ToString();
    }
}
