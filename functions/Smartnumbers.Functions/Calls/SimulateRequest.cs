namespace Smartnumbers.Functions.Calls;

/// <summary>The body of POST …/calls:simulate: a call as a carrier would bring it.</summary>
internal sealed record SimulateRequest
{
    /// <summary>The number dialled: E.164, one of the account's numbers.</summary>
    public string? CalledNumber { get; init; }
    /// <summary>The caller ID shown, any text a carrier can deliver: E.164, "anonymous", "+4412", "" or null (none).</summary>
    public string? PresentationNumber { get; init; }
    /// <summary>The network number (P-Asserted-Identity), when the carrier would send one; any text, like the caller ID.</summary>
    public string? NetworkNumber { get; init; }
    /// <summary>The carrier flags the caller as withheld (ACS isAnonymous).</summary>
    public bool Withheld { get; init; }
    /// <summary>"twilio" (default) or "acs".</summary>
    public string? Carrier { get; init; }
    /// <summary>Carrier parameters, as the adapters pass them (FromCountry, StirVerstat, SipHeader_X-…, sip.…).</summary>
    public Dictionary<string, string>? Hints { get; init; }
    /// <summary>When the call arrives; now when absent.</summary>
    public DateTimeOffset? At { get; init; }
}
