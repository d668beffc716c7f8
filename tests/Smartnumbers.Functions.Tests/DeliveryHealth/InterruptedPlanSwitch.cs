using Smartnumbers.Functions.DeliveryHealth.Failover;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>
/// The real plan switch, except that right after the first activation succeeds it runs <paramref name="afterActivation"/>:
/// e.g. another instance writes the site's health row (the round's commit then fails with 412), or the answer is lost.
/// </summary>
internal sealed class InterruptedPlanSwitch(IDialPlanSwitch inner, Func<Task> afterActivation) : IDialPlanSwitch
{
    private int interrupted;

    public Task<ActivePlan> GetActiveAsync(string accountId, CancellationToken cancellationToken) =>
        inner.GetActiveAsync(accountId, cancellationToken);

    public async Task<ActivePlan?> ActivateAsync(string accountId, string planId, string who, string cause, string? ifMatch, CancellationToken cancellationToken)
    {
        var activated = await inner.ActivateAsync(accountId, planId, who, cause, ifMatch, cancellationToken);
        if (activated is not null && Interlocked.Exchange(ref interrupted, 1) == 0)
        {
            await afterActivation();
        }

        return activated;
    }

    public Task<ActivePlan?> DeactivateAsync(string accountId, string who, string cause, string? ifMatch, CancellationToken cancellationToken) =>
        inner.DeactivateAsync(accountId, who, cause, ifMatch, cancellationToken);
}
