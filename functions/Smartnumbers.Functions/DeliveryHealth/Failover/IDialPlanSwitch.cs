namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>
/// Port onto the admin area's plan switching (the same service the admin API and the IVR use, so the change is
/// ETag-guarded, audited with the given channel, refreshes the snapshot and publishes DialPlan.Activated/Deactivated).
/// </summary>
public interface IDialPlanSwitch
{
    Task<ActivePlan> GetActiveAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="planId"/> the active plan (loading it if needed); returns the new state.</summary>
    Task<ActivePlan> ActivateAsync(string accountId, string planId, string channel, string reason, CancellationToken cancellationToken);

    /// <summary>Back to normal routing; returns the new state.</summary>
    Task<ActivePlan> DeactivateAsync(string accountId, string channel, string reason, CancellationToken cancellationToken);
}
