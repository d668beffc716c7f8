namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>The default when the admin area's plan switching is not registered: failovers stay pending.</summary>
internal sealed class NoDialPlanSwitch : IDialPlanSwitch
{
    public bool IsAvailable => false;

    public Task<ActivePlan> GetActiveAsync(string accountId, CancellationToken cancellationToken) => throw NotRegistered();

    public Task<ActivePlan> ActivateAsync(string accountId, string planId, string channel, string reason, CancellationToken cancellationToken) => throw NotRegistered();

    public Task<ActivePlan> DeactivateAsync(string accountId, string channel, string reason, CancellationToken cancellationToken) => throw NotRegistered();

    private static InvalidOperationException NotRegistered() => new("No IDialPlanSwitch is registered: failover plans cannot be switched");
}
