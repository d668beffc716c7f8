namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>What to do with a call once answered: announce, ring the steps in order, close.</summary>
public sealed record AcsCallPlan
{
    /// <summary>The built-in flow that walks <see cref="Steps"/>.</summary>
    public const string RouteFlow = "route";

    /// <summary><see cref="RouteFlow"/>, or the name of an <see cref="IAcsCallFlowHandler"/> (e.g. "ivr") that drives the call.</summary>
    public string Flow { get; init; } = RouteFlow;

    /// <summary>Played once connected, before the first step (or alone, then hang up, when there are no steps).</summary>
    public string? Announcement { get; init; }

    public IReadOnlyList<AcsRingStep> Steps { get; init; } = [];

    /// <summary>Played after the last step failed, before hanging up.</summary>
    public string? ClosingAnnouncement { get; init; }

    /// <summary>X-MS-Custom-* SIP headers for the legs we add (≤5, value ≤256).</summary>
    public IReadOnlyDictionary<string, string> SipHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Text-to-speech voice; null for the service default.</summary>
    public string? VoiceName { get; init; }

    /// <summary>The account the call belongs to (for call records); null in tests of the flow alone.</summary>
    public string? AccountId { get; init; }

    /// <summary>The call record's id (carrier call id) for step and end events.</summary>
    public string? RecordId { get; init; }

    /// <summary>When the call arrived (the call record's start).</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
