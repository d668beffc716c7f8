namespace Smartnumbers.Functions.Accounts;

/// <summary>The <c>data</c> of Smartnumbers.DialPlan.Activated / Deactivated, whoever switched (api, ivr or health).</summary>
/// <param name="Plan">The plan activated, or the one deactivated.</param>
/// <param name="ActivePlan">The plan active after the switch; null for normal routing.</param>
/// <param name="Cause">Why the health probes switched: <see cref="Failover"/> or <see cref="Failback"/>; null for other channels.</param>
public sealed record PlanChangedData(string? Plan, string? ActivePlan, string? PreviousPlan, string Channel, string Who, string? Cause = null)
{
    /// <summary>A site went down and its failover plan was activated.</summary>
    public const string Failover = "failover";

    /// <summary>A site came back and the plan active before the outage (or normal routing) was restored.</summary>
    public const string Failback = "failback";
}
