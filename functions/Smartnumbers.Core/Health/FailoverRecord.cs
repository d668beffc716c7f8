namespace Smartnumbers.Core.Health;

/// <summary>
/// The failover plan a site's outage asked for, and what was active before it. Goes through three stages: asked for
/// (only <see cref="PlanId"/>), prepared (<see cref="VersionBeforeActivation"/> and <see cref="PreviousPlanId"/>
/// recorded before the switch is made), activated (the switch is recorded).
/// </summary>
/// <param name="PlanId">The site's failover plan.</param>
/// <param name="Activated">False while the activation is still to be done or to be recorded (retried every round).</param>
/// <param name="PreviousPlanId">The plan active before the failover (null: normal routing); never <paramref name="PlanId"/>.</param>
/// <param name="VersionAfterActivation">The plan state's version right after our activation; a different version at
/// recovery means someone changed the active plan by hand.</param>
/// <param name="VersionBeforeActivation">The plan state's version when <paramref name="PreviousPlanId"/> was read (null:
/// not prepared yet). Recorded before the switch, so a round whose own record of the switch is lost still leaves the
/// next round knowing what to restore.</param>
public sealed record FailoverRecord(string PlanId, bool Activated, string? PreviousPlanId, string? VersionAfterActivation, string? VersionBeforeActivation = null)
{
    /// <summary>What was active before the switch is recorded; the switch itself may or may not have been made.</summary>
    public bool Prepared => VersionBeforeActivation is not null;
}
