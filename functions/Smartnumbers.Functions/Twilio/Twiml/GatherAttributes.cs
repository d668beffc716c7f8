namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>Attributes of &lt;Gather&gt;; null ones are not written.</summary>
public sealed record GatherAttributes
{
    /// <summary>dtmf | speech | "dtmf speech".</summary>
    public string? Input { get; init; }
    public int? NumDigits { get; init; }
    /// <summary>The key that ends input (Twilio default "#"); empty string: none.</summary>
    public string? FinishOnKey { get; init; }
    /// <summary>Seconds of silence before input ends (Twilio default 5).</summary>
    public int? Timeout { get; init; }
    /// <summary>Requested with Digits; default: the current document's URL.</summary>
    public string? Action { get; init; }
    public string? Method { get; init; }
    /// <summary>True: request the action even when nothing was entered.</summary>
    public bool? ActionOnEmptyResult { get; init; }
}
