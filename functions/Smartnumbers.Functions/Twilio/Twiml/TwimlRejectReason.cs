namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>The reason of &lt;Reject&gt;.</summary>
public enum TwimlRejectReason
{
    /// <summary>"rejected" (Twilio's default): PSTN callers hear not-in-service; SIP Domains answer 404 (603 on older versions).</summary>
    Rejected,
    /// <summary>"busy": a busy tone; SIP 486.</summary>
    Busy,
}
