namespace Smartnumbers.Core.Calls;

/// <summary>
/// Well-known keys of <see cref="InboundCall.Hints"/>. Adapters copy carrier parameters under their own names
/// (Twilio form fields as sent; ACS SIP headers as <c>sip.&lt;name&gt;</c>, VoIP headers as <c>voip.&lt;name&gt;</c>).
/// Keys are matched case-insensitively.
/// </summary>
public static class CallHints
{
    /// <summary>Twilio: ISO country of the caller as the carrier saw it (often empty).</summary>
    public const string FromCountry = "FromCountry";
    /// <summary>Twilio: STIR/SHAKEN verification status (US only), e.g. "TN-Validation-Passed-A".</summary>
    public const string StirVerstat = "StirVerstat";
    /// <summary>Twilio: CNAM caller name, when caller-ID lookup is on.</summary>
    public const string CallerName = "CallerName";
    /// <summary>Twilio: the number the call was forwarded from.</summary>
    public const string ForwardedFrom = "ForwardedFrom";
    /// <summary>Twilio SIP domain calls: the source IP of the INVITE.</summary>
    public const string SipSourceIp = "SipSourceIp";
    /// <summary>Prefix of Twilio's forwarded X- headers, e.g. <c>SipHeader_X-Foo</c>.</summary>
    public const string TwilioSipHeaderPrefix = "SipHeader_";
    /// <summary>ACS: the caller identifier's kind (phoneNumber, communicationUser, microsoftTeamsUser, unknown…).</summary>
    public const string FromKind = "FromKind";
    /// <summary>ACS: the callee on whose behalf the call arrived (a redirect), when present.</summary>
    public const string OnBehalfOf = "OnBehalfOf";
    /// <summary>Prefix of ACS customContext SIP headers, e.g. <c>sip.X-MS-Custom-Foo</c>.</summary>
    public const string AcsSipHeaderPrefix = "sip.";
    /// <summary>Prefix of ACS customContext VoIP headers.</summary>
    public const string AcsVoipHeaderPrefix = "voip.";
}
