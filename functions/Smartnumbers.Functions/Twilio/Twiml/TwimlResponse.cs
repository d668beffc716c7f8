using System.Text;

namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>
/// Builds a Twilio voice response document, verb by verb:
/// <code>
/// var twiml = new TwimlResponse()
///     .Say("Connecting you.", voice: "Polly.Amy", language: "en-GB")
///     .Dial(new DialAttributes { Timeout = 20, Action = next }, d => d.Number("+441134960000").Sip("sip:desk@pbx.example", headers))
///     .ToXml();
/// </code>
/// Output matches the Node helper's VoiceResponse: &lt;?xml version="1.0" encoding="UTF-8"?&gt;&lt;Response&gt;…&lt;/Response&gt;.
/// </summary>
public sealed class TwimlResponse
{
    private readonly TwimlXml _xml = new();
    private string? _done;
    private bool _empty = true;

    public TwimlResponse() => _xml.Open("Response", []);

    /// <summary>&lt;Say&gt;: speaks <paramref name="text"/> with the carrier's text-to-speech.</summary>
    public TwimlResponse Say(string text, string? voice = null, string? language = null, int? loop = null)
    {
        WriteSay(Writable(), text, voice, language, loop);
        return this;
    }

    /// <summary>&lt;Play&gt;: plays the audio at <paramref name="url"/>.</summary>
    public TwimlResponse Play(string url, int? loop = null)
    {
        WritePlay(Writable(), url, loop);
        return this;
    }

    /// <summary>&lt;Pause length&gt;.</summary>
    public TwimlResponse Pause(int? length = null)
    {
        WritePause(Writable(), length);
        return this;
    }

    /// <summary>&lt;Reject reason&gt;: refuses the call unanswered; only meaningful as the first verb.</summary>
    public TwimlResponse Reject(TwimlRejectReason? reason = null)
    {
        var value = reason switch
        {
            TwimlRejectReason.Busy => "busy",
            TwimlRejectReason.Rejected => "rejected",
            _ => null,
        };
        Writable().Empty("Reject", [("reason", value)]);
        return this;
    }

    /// <summary>&lt;Hangup/&gt;.</summary>
    public TwimlResponse Hangup()
    {
        Writable().Empty("Hangup", []);
        return this;
    }

    /// <summary>&lt;Redirect method&gt;url&lt;/Redirect&gt;.</summary>
    public TwimlResponse Redirect(string url, string? method = null)
    {
        Writable().Element("Redirect", [("method", method)], url);
        return this;
    }

    /// <summary>&lt;Dial&gt; with the nouns <paramref name="nouns"/> adds (none: a plain Dial).</summary>
    public TwimlResponse Dial(DialAttributes attributes, Action<TwimlDial> nouns)
    {
        var xml = Writable();
        xml.Open("Dial", [
            ("action", attributes.Action),
            ("method", attributes.Method),
            ("timeout", TwimlXml.Format(attributes.Timeout)),
            ("answerOnBridge", TwimlXml.Format(attributes.AnswerOnBridge)),
            ("callerId", attributes.CallerId),
            ("record", attributes.Record),
            ("ringTone", attributes.RingTone),
            ("timeLimit", TwimlXml.Format(attributes.TimeLimit)),
            ("hangupOnStar", TwimlXml.Format(attributes.HangupOnStar)),
        ]);
        nouns(new TwimlDial(xml));
        xml.Close("Dial");
        return this;
    }

    /// <summary>&lt;Gather&gt; around the prompts <paramref name="prompts"/> adds.</summary>
    public TwimlResponse Gather(GatherAttributes attributes, Action<TwimlGather>? prompts = null)
    {
        var xml = Writable();
        ReadOnlySpan<(string, string?)> attrs = [
            ("input", attributes.Input),
            ("numDigits", TwimlXml.Format(attributes.NumDigits)),
            ("finishOnKey", attributes.FinishOnKey),
            ("timeout", TwimlXml.Format(attributes.Timeout)),
            ("action", attributes.Action),
            ("method", attributes.Method),
            ("actionOnEmptyResult", TwimlXml.Format(attributes.ActionOnEmptyResult)),
        ];
        if (prompts is null)
        {
            xml.Empty("Gather", attrs);
            return this;
        }

        xml.Open("Gather", attrs);
        prompts(new TwimlGather(xml));
        xml.Close("Gather");
        return this;
    }

    /// <summary>The finished document. The response takes no more verbs afterwards.</summary>
    public string ToXml()
    {
        if (_done is null)
        {
            _xml.Close("Response");
            // An empty response is written <Response/>, as the Node helper does.
            _done = _empty ? _xml.ToString().Replace("<Response></Response>", "<Response/>", StringComparison.Ordinal) : _xml.ToString();
        }

        return _done;
    }

    /// <summary>The document as an HTTP reply: text/xml, UTF-8, with Content-Length (never chunked).</summary>
    public TwimlResult ToResult() => new(Encoding.UTF8.GetBytes(ToXml()));

    public override string ToString() => ToXml();

    internal static void WriteSay(TwimlXml xml, string text, string? voice, string? language, int? loop) =>
        xml.Element("Say", [("voice", voice), ("language", language), ("loop", TwimlXml.Format(loop))], text);

    internal static void WritePlay(TwimlXml xml, string url, int? loop) =>
        xml.Element("Play", [("loop", TwimlXml.Format(loop))], url);

    internal static void WritePause(TwimlXml xml, int? length) =>
        xml.Empty("Pause", [("length", TwimlXml.Format(length))]);

    private TwimlXml Writable()
    {
        if (_done is not null)
        {
            throw new InvalidOperationException("The TwiML response is finished; build a new one.");
        }

        _empty = false;
        return _xml;
    }
}
