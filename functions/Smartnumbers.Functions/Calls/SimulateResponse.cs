using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>The answer of calls:simulate: the risk and decision exactly as a call record would carry them, and why.</summary>
internal sealed record SimulateResponse
{
    public required CallRiskSummary Risk { get; init; }
    public required CallDecisionSummary Decision { get; init; }
    /// <summary>High risk (policy enabled and score at or above its threshold).</summary>
    public bool Flagged { get; init; }
    /// <summary>The fraud policy wanted a divert slot and the cap could not be read: the simulator assumed one was free.</summary>
    public bool DivertCapAssumedAvailable { get; init; }
    /// <summary>When the fraud policy wanted a divert: the diverts already reserved this hour (read only; null when unreadable).</summary>
    public int? DivertsThisHour { get; init; }
    /// <summary>The velocity and reputation figures read (read-only) from the caller's counters.</summary>
    public required SimulatedHistory History { get; init; }
    /// <summary>True when a refitted model is live for the account (promoted after POST …/model:refit) and it scored the call.</summary>
    public bool FittedModel { get; init; }
    public IReadOnlyList<string> Explanation { get; init; } = [];
}
