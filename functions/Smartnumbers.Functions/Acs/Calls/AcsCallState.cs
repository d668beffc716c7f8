namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>
/// The per-call state of an answered call, kept in Table Storage (ETag-guarded) so any instance can continue it.
/// Keyed by <see cref="CallId"/>, which travels in the callback URI: callbacks can arrive before answer has returned
/// the <see cref="CallConnectionId"/>, so that id cannot be the key.
/// </summary>
public sealed record AcsCallState
{
    public required string CallId { get; init; }
    /// <summary>Per-call secret carried in the callback URI query.</summary>
    public required string Secret { get; init; }
    public required AcsCallPlan Plan { get; init; }
    public string? CallConnectionId { get; init; }
    public AcsCallPhase Phase { get; init; }
    /// <summary>Index of the current step.</summary>
    public int Step { get; init; }
    public IReadOnlyList<AcsInvitation> Invitations { get; init; } = [];
    public string CalledNumber { get; init; } = "";
    public string? CallerRawId { get; init; }
    /// <summary>The destination that answered, if any.</summary>
    public string? ConnectedTo { get; init; }
    /// <summary>How the call ended: connected, closed (no step answered), disconnected, announced.</summary>
    public string? Outcome { get; init; }
    /// <summary>The <c>sequenceNumber</c> of the newest ParticipantsUpdated applied (they may arrive out of order).</summary>
    public int? ParticipantsSequence { get; init; }
    /// <summary>Parties ("caller" or a destination) listed by any ParticipantsUpdated so far.</summary>
    public IReadOnlyList<string> PartiesSeen { get; init; } = [];
    /// <summary>Parties listed by the newest ParticipantsUpdated.</summary>
    public IReadOnlyList<string> PartiesPresent { get; init; } = [];
    /// <summary>Free state for an <see cref="IAcsCallFlowHandler"/> (e.g. IVR menu position).</summary>
    public IReadOnlyDictionary<string, string> FlowData { get; init; } = new Dictionary<string, string>();
}
