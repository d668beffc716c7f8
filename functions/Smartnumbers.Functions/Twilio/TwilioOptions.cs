namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// Twilio settings. Section "Twilio": Twilio__AuthToken, Twilio__PublicBaseUrl, Twilio__NetworkCallerIdHeader, ….
/// With no auth token every Twilio endpoint answers 403.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>The primary auth token of the Twilio (sub-)account that owns the numbers; keys X-Twilio-Signature.</summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The scheme, host and optional path prefix Twilio calls (e.g. https://smartnumbers.azurewebsites.net).
    /// Signatures are checked against this base + the request's path and query. Null: the request's own URL.
    /// Required behind the Functions host or any proxy, where the request the app sees is not the one Twilio signed.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The default of <see cref="NetworkCallerIdHeader"/>.</summary>
    public const string DefaultNetworkCallerIdHeader = "X-Network-Caller-Id";

    /// <summary>
    /// The <c>X-</c> SIP header from which SIP Domain calls take the network caller ID (default "X-Network-Caller-Id";
    /// empty turns it off). Twilio forwards no P-Asserted-Identity, only <c>X-</c> headers (as <c>SipHeader_X-…</c>
    /// form fields), so a customer's PBX copies P-Asserted-Identity into this header for ICR and Call DNA to check.
    /// </summary>
    public string? NetworkCallerIdHeader { get; set; } = DefaultNetworkCallerIdHeader;

    /// <summary>TTS voice for announcements (Twilio &lt;Say voice&gt;); default "Polly.Amy".</summary>
    public string Voice { get; set; } = "Polly.Amy";

    /// <summary>TTS language (Twilio &lt;Say language&gt;); default "en-GB".</summary>
    public string Language { get; set; } = "en-GB";
}
