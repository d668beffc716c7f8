namespace Smartnumbers.Functions.CallRecords;

/// <summary>How one dialled route step ended.</summary>
/// <param name="Status">completed | answered | busy | no-answer | failed | canceled (carrier-neutral, Twilio's words).</param>
/// <param name="SipResponseCode">The SIP final response when the carrier reports one (e.g. 486, 408, 503).</param>
public sealed record CallStepOutcome(
    int Step,
    IReadOnlyList<string> Destinations,
    string Status,
    int? SipResponseCode,
    int? DurationSeconds,
    DateTimeOffset At);
