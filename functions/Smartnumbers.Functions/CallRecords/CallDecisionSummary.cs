namespace Smartnumbers.Functions.CallRecords;

/// <summary>What was decided for a call, as calls:simulate reports it.</summary>
public sealed record CallDecisionSummary
{
    /// <summary>"reject" or "connect".</summary>
    public required string Action { get; init; }
    /// <summary>"announcement", "busy" or "unallocated" for a reject.</summary>
    public string? RejectMode { get; init; }
    public string? Reason { get; init; }
    /// <summary>"override", "plan", "normal", "fraud" or "trusted".</summary>
    public string? Source { get; init; }
    public IReadOnlyList<CallRouteStep> Steps { get; init; } = [];
    public string? Announcement { get; init; }
    /// <summary>High risk: diverted to the fraud route, or scored over the threshold and flagged (e.g. cap reached).</summary>
    public bool HighRisk { get; init; }
    /// <summary>The hourly divert cap was reached, so the call was routed normally and flagged.</summary>
    public bool FraudCapReached { get; init; }
}
