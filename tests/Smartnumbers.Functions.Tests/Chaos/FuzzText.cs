using System.Globalization;
using System.Text;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// Hostile text for fuzzed requests: NUL and other control characters, 5,000-character values, emoji, odd Unicode,
/// broken percent-escapes, caller-ID lookalikes and markup, alone or spliced into a plausible value.
/// </summary>
internal sealed class FuzzText(Random random)
{
    private static readonly string[] Pieces =
    [
        "", " ", "\0", "\0\0\0", "\u0001", "\u0007", "\b", "\t", "\r\n", "\u001b[31m", "\u001f", "\u007f", "\u0085", "\u2028", "\u2029",
        "😀", "📞☎️", "👨‍👩‍👧‍👦", "🇬🇧", "e\u0301\u0301\u0301", "\u202eevil", "\ufeff", "\ufffd", "日本語", "Ω≈ç√", "ß", "İı",
        "%", "%zz", "%4", "%E2%82", "%00", "%%", "100%", "+", "&", "=", "&&==", "?", "#", ";", "/", "\\",
        "+447911123456", "+441134960001", "+44", "+", "00447911123456", "07911 123456", "+1 (415) 555-0100", "+999999999999999999999",
        "anonymous", "Anonymous", "Restricted", "unknown", "withheld", "sip:alice@example.com", "sip:+447911123456@pbx.example;user=phone",
        "client:bob", "tel:+447911123456", "4:+447911123456", "8:acs:x_y", "<Say>hi</Say>", "]]>", "<?xml?>", "&amp;", "\"'`",
        "' OR 1=1 --", "${jndi:ldap://x}", "../../etc/passwd", "{{7*7}}", "null", "true", "-1", "0", "1e308", "NaN", "9223372036854775808",
        "completed", "busy", "no-answer", "failed", "canceled", "in-progress", "1234", "#", "*", "0000#", "12345678901234567890",
        "TN-Validation-Passed-A", "A", "C", "Europe/London", "Mars/Olympus",
    ];

    /// <summary>A hostile value: one piece, several spliced, or a 5,000-character one.</summary>
    public string Next() => random.Next(20) switch
    {
        0 => Long(),
        1 or 2 or 3 => Splice(Pick(), random.Next(1, 5)),
        4 => Controls(random.Next(1, 12)),
        _ => Pick(),
    };

    /// <summary><paramref name="plausible"/> most of the time, otherwise hostile or plausible with something spliced in.</summary>
    public string Around(string plausible) => random.Next(4) switch
    {
        0 => Next(),
        1 => plausible + Pick(),
        2 => Pick() + plausible,
        _ => plausible.Length > 1 ? plausible.Insert(random.Next(plausible.Length), Pick()) : plausible + Pick(),
    };

    public string Pick() => Pieces[random.Next(Pieces.Length)];

    public string Long()
    {
        var seed = random.Next(4) switch
        {
            0 => "9",
            1 => "😀",
            2 => "\0",
            _ => Pick() is { Length: > 0 } p ? p : "x",
        };
        var text = new StringBuilder(5_000);
        while (text.Length < 5_000)
        {
            text.Append(seed);
        }

        return text.ToString(0, seed.Length > 1 && char.IsHighSurrogate(text[4_999]) ? 4_999 : 5_000);
    }

    private string Splice(string start, int more)
    {
        var text = new StringBuilder(start);
        for (var i = 0; i < more; i++)
        {
            text.Append(Pick());
        }

        return text.ToString();
    }

    private string Controls(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append((char)random.Next(0, 32));
        }

        return text.ToString();
    }

    /// <summary>A number, as text, that is often out of any sensible range.</summary>
    public string Number() => random.Next(6) switch
    {
        0 => "-1",
        1 => "0",
        2 => int.MaxValue.ToString(CultureInfo.InvariantCulture),
        3 => "99999999999999999999999",
        4 => "1.5",
        _ => random.Next(0, 200).ToString(CultureInfo.InvariantCulture),
    };
}
