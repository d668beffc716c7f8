namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>
/// The health area's view of plan switching. <see cref="RoutingControlPlanSwitch"/> implements it over the admin area's
/// <c>IRoutingControl</c> (the same service the admin API and the IVR use: ETag-guarded, audited with channel "health",
/// snapshot refreshed) and publishes DialPlan.Activated/Deactivated for the switches it makes.
/// </summary>
public interface IDialPlanSwitch
{
    Task<ActivePlan> GetActiveAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="planId"/> the active plan (loading it into a free slot if needed).</summary>
    /// <param name="cause"><see cref="Accounts.PlanChangedData.Failover"/> or <see cref="Accounts.PlanChangedData.Failback"/>, carried in the DialPlan event.</param>
    /// <param name="ifMatch">Only if the plan state still has this version (null: unconditionally).</param>
    /// <returns>The new state, or null when <paramref name="ifMatch"/> no longer matched (someone changed it).</returns>
    Task<ActivePlan?> ActivateAsync(string accountId, string planId, string who, string cause, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Back to normal routing (a failback); null when <paramref name="ifMatch"/> no longer matched.</summary>
    Task<ActivePlan?> DeactivateAsync(string accountId, string who, string cause, string? ifMatch, CancellationToken cancellationToken);
}
