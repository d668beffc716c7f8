namespace Smartnumbers.Core.Health;

/// <summary>The site reached <c>downAfter</c> failed rounds.</summary>
/// <param name="FailoverPlan">The plan to activate, or null.</param>
public sealed record SiteWentDown(DateTimeOffset At, long Transition, string Detail, int ConsecutiveFailures, string? FailoverPlan)
    : SiteHealthEvent(At, Transition);
