namespace Smartnumbers.Functions.Ivr;

/// <summary>The facts of one dial-in call that do not change while it lasts.</summary>
/// <param name="CallId">Twilio CallSid or ACS callConnectionId: the session's key.</param>
/// <param name="Carrier">"twilio" or "acs".</param>
/// <param name="AccountId">The account whose control line was called.</param>
/// <param name="CalledNumber">The control line (E.164).</param>
/// <param name="CallerNumber">The caller's dialable E.164 number; null when withheld or not dialable.</param>
public sealed record IvrCall(string CallId, string Carrier, string AccountId, string CalledNumber, string? CallerNumber)
{
    /// <summary>The lockout key of the caller: the number, or one shared key for every withheld caller of the account.</summary>
    public string CallerKey => CallerNumber ?? "anonymous";
}
