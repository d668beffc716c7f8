using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>
/// Plan switching through the admin area's <see cref="IRoutingControl"/> with actor (site, "system", "health"). The
/// plan state's ETag is the <see cref="ActivePlan.Version"/>; a switch back passes it as If-Match, so a change made by
/// hand during the outage is never overwritten.
/// </summary>
internal sealed class RoutingControlPlanSwitch(IRoutingControl routing) : IDialPlanSwitch
{
    public async Task<ActivePlan> GetActiveAsync(string accountId, CancellationToken cancellationToken)
    {
        var (state, etag) = await routing.GetPlanStateAsync(accountId, cancellationToken);
        return new ActivePlan(state.ActivePlanId, etag ?? "none");
    }

    public async Task<ActivePlan?> ActivateAsync(string accountId, string planId, string who, string cause, string? ifMatch, CancellationToken cancellationToken)
    {
        var actor = Actor(who, cause);
        var (state, etag) = await routing.GetPlanStateAsync(accountId, cancellationToken);
        if (ifMatch is not null && !string.Equals(etag ?? "none", ifMatch, StringComparison.Ordinal))
        {
            return null;
        }

        if (!state.LoadedSlots.Values.Contains(planId))
        {
            var load = await routing.LoadPlanAsync(accountId, planId, null, actor, etag, cancellationToken);
            if (load.Outcome == WriteOutcome.PreconditionFailed && ifMatch is not null)
            {
                return null;
            }

            etag = Check(load, accountId, planId).ETag;
        }

        var result = await routing.ActivatePlanAsync(accountId, planId, actor, etag, cancellationToken);
        if (result.Outcome == WriteOutcome.PreconditionFailed && ifMatch is not null)
        {
            return null;
        }

        // The DialPlan.Activated event is published by the routing control itself, as for every channel.
        return new ActivePlan(planId, Check(result, accountId, planId).ETag!);
    }

    public async Task<ActivePlan?> DeactivateAsync(string accountId, string who, string cause, string? ifMatch, CancellationToken cancellationToken)
    {
        var result = await routing.DeactivatePlanAsync(accountId, Actor(who, cause), ifMatch, cancellationToken);
        if (result.Outcome == WriteOutcome.PreconditionFailed && ifMatch is not null)
        {
            return null;
        }

        return new ActivePlan(null, Check(result, accountId, null).ETag!);
    }

    private static AuditActor Actor(string who, string cause) => new(who, "system", AuditActor.Health) { Cause = cause };

    private static ControlResult Check(ControlResult result, string accountId, string? planId) =>
        result.Succeeded
            ? result
            : throw new InvalidOperationException($"Switching account {accountId} to {planId ?? "normal routing"} failed: {result.Outcome} ({result.Detail})");
}
