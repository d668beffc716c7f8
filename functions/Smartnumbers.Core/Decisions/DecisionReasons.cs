namespace Smartnumbers.Core.Decisions;

/// <summary>The machine-readable values of <see cref="RoutingDecision.Reason"/>.</summary>
public static class DecisionReasons
{
    /// <summary>The called number is not configured in the account.</summary>
    public const string UnknownNumber = "unknown-number";
    /// <summary>The caller matched the block list.</summary>
    public const string Blocked = "blocked";
    /// <summary>Anonymous caller rejection: the caller ID was withheld or unavailable.</summary>
    public const string Acr = "acr";
    /// <summary>ICR: no caller ID at all.</summary>
    public const string IcrMissing = "icr-missing";
    /// <summary>ICR: the caller ID is not a dialable number (letters, SIP user names, 08979).</summary>
    public const string IcrNonDialable = "icr-non-dialable";
    /// <summary>ICR: invalid per libphonenumber's metadata (including never-valid ranges).</summary>
    public const string IcrInvalid = "icr-invalid";
    /// <summary>ICR: a UK number that is not 10 or 11 digits long in national form.</summary>
    public const string IcrWrongLength = "icr-wrong-length";
    /// <summary>ICR: a UK 09 premium-rate number, banned as a caller ID.</summary>
    public const string IcrPremiumRate = "icr-premium-rate";
    /// <summary>Connected: the route was chosen normally.</summary>
    public const string Routed = "routed";
    /// <summary>Connected to the high-risk route (score at or above the threshold, cap slot granted).</summary>
    public const string HighRiskDivert = "high-risk-divert";
    /// <summary>High risk but the hourly divert cap was reached: routed normally and flagged.</summary>
    public const string HighRiskCapReached = "high-risk-cap-reached";
    /// <summary>Allow-listed caller without a spoof signal: screening and the fraud divert skipped (the call is still scored).</summary>
    public const string Trusted = "trusted";
    /// <summary>Deciding failed: connected by the last-known route (override → active plan → normal, down sites skipped).</summary>
    public const string Fallback = "fallback";
    /// <summary>The owner of the called number could not be read in time: connected by the deployment's emergency route.</summary>
    public const string EmergencyRoute = "emergency-route";
}
