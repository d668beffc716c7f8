namespace Smartnumbers.Core.Health;

/// <summary>The failover plan a site's outage asked for, and what was active before it.</summary>
/// <param name="PlanId">The site's failover plan.</param>
/// <param name="Activated">False while the activation is still to be done (retried every round until it succeeds).</param>
/// <param name="PreviousPlanId">The plan active before the failover (null: normal routing).</param>
/// <param name="VersionAfterActivation">The plan state's version right after our activation; a different version at
/// recovery means someone changed the active plan by hand.</param>
public sealed record FailoverRecord(string PlanId, bool Activated, string? PreviousPlanId, string? VersionAfterActivation);
