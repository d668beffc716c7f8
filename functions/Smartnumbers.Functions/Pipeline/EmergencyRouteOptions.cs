namespace Smartnumbers.Functions.Pipeline;

/// <summary>
/// Section "EmergencyRoute": where calls go when the owner of the called number cannot be read in time (a cold instance
/// with storage down). It comes from app settings, not storage, so a cold instance has it. Unset: no emergency route.
/// </summary>
public sealed class EmergencyRouteOptions
{
    public const string Section = "EmergencyRoute";

    /// <summary>The account id call records of emergency-routed calls are filed under (their owner was not known).</summary>
    public const string RecordAccount = "~emergency";

    /// <summary>Comma-separated destinations (E.164 or sip: URIs), each tried in turn. Empty: no emergency route.</summary>
    public string? Destinations { get; set; }

    /// <summary>Spoken before the first destination rings; optional.</summary>
    public string? Announcement { get; set; }

    /// <summary>How long each destination rings (default 20 s; 5–120 s).</summary>
    public int RingSeconds { get; set; } = 20;

    /// <summary>The destinations, trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> DestinationList =>
        (Destinations ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
