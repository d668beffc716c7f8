namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// One call as recorded, whichever carrier brought it: who called which number, what was decided and why, how each
/// route step went, and how the call ended. The shape mirrors calls:simulate (risk + decision).
/// </summary>
public sealed record CallRecord
{
    /// <summary>The carrier's id of the call (Twilio CallSid, ACS incomingCallContext correlation id).</summary>
    public required string CallId { get; init; }
    /// <summary>"twilio" or "acs".</summary>
    public required string Carrier { get; init; }
    public required string AccountId { get; init; }
    public required string CalledNumber { get; init; }
    /// <summary>The caller ID presented (E.164, "anonymous", or as the carrier gave it); null when none.</summary>
    public string? PresentationNumber { get; init; }
    /// <summary>The network (identity) number when the carrier gives one separately.</summary>
    public string? NetworkNumber { get; init; }
    public bool Withheld { get; init; }
    /// <summary>When the carrier's webhook arrived.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    public CallRiskSummary? Risk { get; init; }
    public CallDecisionSummary? Decision { get; init; }
    /// <summary>How each dialled route step ended, in step order.</summary>
    public IReadOnlyList<CallStepOutcome> Steps { get; init; } = [];
    /// <summary>The carrier's final call status (completed, busy, no-answer, failed, canceled…); null while unknown.</summary>
    public string? FinalStatus { get; init; }
    public int? DurationSeconds { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>An operator's label, "fraud" or "genuine" (POST …/calls/{callId}/label); null when unlabelled.</summary>
    public string? Label { get; init; }
}
