namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>The nouns inside one &lt;Dial&gt;: every one rings at once; the first to answer is bridged.</summary>
public sealed class TwimlDial
{
    private readonly TwimlXml _xml;

    internal TwimlDial(TwimlXml xml) => _xml = xml;

    /// <summary>&lt;Number&gt;: a PSTN number in E.164.</summary>
    public TwimlDial Number(string e164, DialNounAttributes? attributes = null)
    {
        var a = attributes ?? Empty;
        _xml.Element("Number", [
            ("sendDigits", a.SendDigits),
            ("url", a.Url),
            ("method", a.Method),
            ("statusCallbackEvent", Join(a.StatusCallbackEvent)),
            ("statusCallback", a.StatusCallback),
            ("statusCallbackMethod", a.StatusCallbackMethod),
        ], e164);
        return this;
    }

    /// <summary>
    /// &lt;Sip&gt;: a SIP URI. <paramref name="headers"/> (X- headers) are appended as the URI's header part,
    /// <c>sip:desk@pbx.example?X-A=1&amp;X-B=2</c>, names and values percent-encoded.
    /// </summary>
    public TwimlDial Sip(string uri, IReadOnlyList<KeyValuePair<string, string>>? headers = null, DialNounAttributes? attributes = null)
    {
        var a = attributes ?? Empty;
        _xml.Element("Sip", [
            ("username", a.Username),
            ("password", a.Password),
            ("url", a.Url),
            ("method", a.Method),
            ("statusCallbackEvent", Join(a.StatusCallbackEvent)),
            ("statusCallback", a.StatusCallback),
            ("statusCallbackMethod", a.StatusCallbackMethod),
        ], WithHeaders(uri, headers));
        return this;
    }

    /// <summary>&lt;Client&gt;: a Twilio Voice SDK identity.</summary>
    public TwimlDial Client(string identity, DialNounAttributes? attributes = null)
    {
        var a = attributes ?? Empty;
        _xml.Element("Client", [("url", a.Url), ("method", a.Method)], identity);
        return this;
    }

    /// <summary>The SIP URI with X- headers in its header part.</summary>
    public static string WithHeaders(string uri, IReadOnlyList<KeyValuePair<string, string>>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return uri;
        }

        var parts = headers.Select(h => Uri.EscapeDataString(h.Key) + "=" + Uri.EscapeDataString(h.Value));
        return uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', parts);
    }

    private static readonly DialNounAttributes Empty = new();

    private static string? Join(IReadOnlyList<string>? values) => values is null ? null : string.Join(' ', values);
}
