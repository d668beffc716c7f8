namespace Smartnumbers.ModelEval;

/// <summary>
/// A call before it reaches the carrier adapter's output: what the carrier would send (caller text, origin country,
/// STIR/SHAKEN verdict, names, SIP source) and who really made it. <see cref="EvaluationSetGenerator"/> turns it into
/// an <c>InboundCall</c> the way the webhook adapters do.
/// </summary>
internal sealed record PlannedCall
{
    public required DateTimeOffset At { get; init; }
    public required string Called { get; init; }
    /// <summary>The caller text as the carrier sends it: "+447…", "anonymous", "sip:…"; null when withheld on ACS.</summary>
    public required string? From { get; init; }
    public required CallPattern Pattern { get; init; }
    /// <summary>Origin country the carrier reports (Twilio FromCountry); null when it gives none.</summary>
    public string? Origin { get; init; }
    public string? StirVerstat { get; init; }
    /// <summary>Caller name (Twilio CallerName from a CNAM lookup).</summary>
    public string? CallerName { get; init; }
    /// <summary>Source IP of a SIP INVITE (calls entering through a SIP interconnect).</summary>
    public string? SipSourceIp { get; init; }
    /// <summary>The caller made calls to this account before (genuine repeat callers).</summary>
    public bool RepeatCaller { get; init; }
}
