namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>Attributes of a &lt;Number&gt; or &lt;Sip&gt; noun; null ones are not written.</summary>
public sealed record DialNounAttributes
{
    /// <summary>&lt;Number&gt; only: DTMF digits played after the callee answers.</summary>
    public string? SendDigits { get; init; }
    /// <summary>&lt;Sip&gt; only.</summary>
    public string? Username { get; init; }
    /// <summary>&lt;Sip&gt; only.</summary>
    public string? Password { get; init; }
    /// <summary>TwiML run for the callee before the calls are bridged (whisper / screening).</summary>
    public string? Url { get; init; }
    public string? Method { get; init; }
    public string? StatusCallback { get; init; }
    /// <summary>Any of initiated, ringing, answered, completed; written space-separated.</summary>
    public IReadOnlyList<string>? StatusCallbackEvent { get; init; }
    public string? StatusCallbackMethod { get; init; }
}
