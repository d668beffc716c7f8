using System.Globalization;
using System.Text;

namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>
/// The XML text of a TwiML document, written the way the official Node helper (xmlbuilder) writes it: no whitespace,
/// empty elements as &lt;X/&gt;, attributes in the order given; text escapes &amp; &lt; &gt; CR, attribute values
/// escape &amp; &lt; " TAB LF CR. Characters XML cannot carry are dropped (a call is never failed over a stray byte).
/// </summary>
internal sealed class TwimlXml
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private readonly StringBuilder _text = new(256);

    public TwimlXml() => _text.Append(Declaration);

    public void Empty(string name, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(name, attributes);
        _text.Append("/>");
    }

    public void Open(string name, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(name, attributes);
        _text.Append('>');
    }

    public void Close(string name) => _text.Append("</").Append(name).Append('>');

    public void Element(string name, ReadOnlySpan<(string Name, string? Value)> attributes, string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            Empty(name, attributes);
            return;
        }

        Open(name, attributes);
        AppendEscaped(content, attribute: false);
        Close(name);
    }

    public override string ToString() => _text.ToString();

    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Format(bool? value) => value switch { true => "true", false => "false", null => null };

    private void StartTag(string name, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _text.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _text.Append(' ').Append(attribute).Append("=\"");
            AppendEscaped(value, attribute: true);
            _text.Append('"');
        }
    }

    private void AppendEscaped(string value, bool attribute)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': _text.Append("&amp;"); break;
                case '<': _text.Append("&lt;"); break;
                case '>' when !attribute: _text.Append("&gt;"); break;
                case '"' when attribute: _text.Append("&quot;"); break;
                case '\t' when attribute: _text.Append("&#x9;"); break;
                case '\n' when attribute: _text.Append("&#xA;"); break;
                case '\r': _text.Append("&#xD;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        _text.Append(c).Append(value[++i]);
                    }
                    else if (XmlCanCarry(c))
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }
    }

    private static bool XmlCanCarry(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
