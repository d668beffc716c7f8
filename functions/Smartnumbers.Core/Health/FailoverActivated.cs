namespace Smartnumbers.Core.Health;

/// <summary>The site's failover plan was activated for its outage.</summary>
public sealed record FailoverActivated(DateTimeOffset At, long Transition, string PlanId, string? PreviousPlanId)
    : SiteHealthEvent(At, Transition);
