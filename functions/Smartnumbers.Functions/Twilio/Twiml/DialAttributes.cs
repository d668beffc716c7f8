namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>Attributes of &lt;Dial&gt;; null ones are not written. Twilio's defaults apply to what is omitted.</summary>
public sealed record DialAttributes
{
    /// <summary>Requested when the dialled leg ends, with DialCallStatus; verbs after &lt;Dial&gt; then never run.</summary>
    public string? Action { get; init; }
    public string? Method { get; init; }
    /// <summary>Ring time in seconds (5–600; Twilio default 30).</summary>
    public int? Timeout { get; init; }
    /// <summary>True: the caller keeps hearing ringing (SIP 180/183) until the callee answers.</summary>
    public bool? AnswerOnBridge { get; init; }
    public string? CallerId { get; init; }
    /// <summary>do-not-record | record-from-answer | record-from-ringing | …-dual.</summary>
    public string? Record { get; init; }
    /// <summary>ISO-2 country code of the ringback tone, e.g. "uk".</summary>
    public string? RingTone { get; init; }
    /// <summary>Maximum call length in seconds (Twilio default 14400).</summary>
    public int? TimeLimit { get; init; }
    public bool? HangupOnStar { get; init; }
}
