namespace Smartnumbers.Core.Health;

/// <summary>The site reached <c>upAfter</c> healthy rounds (and, after a failover, the plan was handed back or left).</summary>
/// <param name="RestoredPlanId">With <see cref="FailbackOutcome.Restored"/>: the plan made active again (null: normal routing).</param>
public sealed record SiteRestored(
    DateTimeOffset At, long Transition, string Detail, DateTimeOffset? DownSince, FailbackOutcome Failback, string? FailoverPlan, string? RestoredPlanId)
    : SiteHealthEvent(At, Transition);
