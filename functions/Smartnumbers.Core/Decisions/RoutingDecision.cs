using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Risk;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// What to do with one call: reject it (how and why) or connect it (which steps, in order), with the risk verdict
/// and the explanation the simulator and call records show.
/// </summary>
public sealed record RoutingDecision
{
    public required DecisionAction Action { get; init; }
    /// <summary>Set when <see cref="Action"/> is Reject.</summary>
    public RejectMode? RejectMode { get; init; }
    /// <summary>Why, as a <see cref="DecisionReasons"/> value.</summary>
    public required string Reason { get; init; }
    /// <summary>The SIP code of a reject: 486 busy, 404 unallocated, 200 for an answered announcement; null on connect.</summary>
    public int? SipCode { get; init; }
    /// <summary>Steps to ring in order (down-site destinations already skipped). Empty on reject.</summary>
    public IReadOnlyList<RouteStep> Steps { get; init; } = [];
    /// <summary>Reject by announcement: the text to speak. Connect: the route's announcement before the first step, if any.</summary>
    public string? Announcement { get; init; }
    /// <summary>Spoken after the last step fails, before hanging up (the account's "closed" text or the default).</summary>
    public string? ClosingAnnouncement { get; init; }
    /// <summary>Which configuration chose the route; null on reject.</summary>
    public RouteSource? Source { get; init; }
    /// <summary>The risk verdict (<see cref="RiskAssessment.NotScored"/> when scoring was skipped).</summary>
    public RiskAssessment Risk { get; init; } = RiskAssessment.NotScored;
    /// <summary>High risk, but the hourly divert cap was reached: routed normally.</summary>
    public bool FraudCapReached { get; init; }
    /// <summary>High risk (score at or above the number's threshold, policy enabled): record and report it.</summary>
    public bool Flagged { get; init; }
    /// <summary>Pass score and tags to the answering agent (policy's notifyAgent, and the call is flagged).</summary>
    public bool NotifyAgent { get; init; }
    /// <summary>The called number is the account's IVR dial-in line: the IVR adapter takes the call.</summary>
    public bool ControlLine { get; init; }
    /// <summary>Human-readable lines, in order, saying how the decision was reached.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    /// <summary>The step to try after step <paramref name="failedIndex"/> failed (busy, no answer, error); null when none is left.</summary>
    public RouteStep? NextStep(int failedIndex) =>
        failedIndex >= -1 && failedIndex + 1 < Steps.Count ? Steps[failedIndex + 1] : null;

    /// <summary>Index of the step after <paramref name="failedIndex"/>, or null when the route is exhausted.</summary>
    public int? NextStepIndex(int failedIndex) =>
        failedIndex >= -1 && failedIndex + 1 < Steps.Count ? failedIndex + 1 : null;

    /// <summary>A cursor positioned before the first step.</summary>
    public RouteCursor Cursor() => new(Steps, -1);
}
