using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>
/// Plan switching through the admin area's <see cref="IRoutingControl"/> with actor (site, "system", "health"). The
/// plan state's ETag is the <see cref="ActivePlan.Version"/>; a switch back passes it as If-Match, so a change made by
/// hand during the outage is never overwritten.
/// </summary>
internal sealed class RoutingControlPlanSwitch(IRoutingControl routing, IEventOutbox outbox, TimeProvider time) : IDialPlanSwitch
{
    public async Task<ActivePlan> GetActiveAsync(string accountId, CancellationToken cancellationToken)
    {
        var (state, etag) = await routing.GetPlanStateAsync(accountId, cancellationToken);
        return new ActivePlan(state.ActivePlanId, etag ?? "none");
    }

    public async Task<ActivePlan?> ActivateAsync(string accountId, string planId, string who, string reason, string? ifMatch, CancellationToken cancellationToken)
    {
        var actor = Actor(who);
        var (state, etag) = await routing.GetPlanStateAsync(accountId, cancellationToken);
        if (ifMatch is not null && !string.Equals(etag ?? "none", ifMatch, StringComparison.Ordinal))
        {
            return null;
        }

        var previous = state.ActivePlanId;
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

        var version = Check(result, accountId, planId).ETag!;
        await outbox.EnqueueAsync([PlanEvent(accountId, SmartnumbersEventTypes.DialPlanActivated, planId, previous, who, reason, version)], cancellationToken);
        return new ActivePlan(planId, version);
    }

    public async Task<ActivePlan?> DeactivateAsync(string accountId, string who, string reason, string? ifMatch, CancellationToken cancellationToken)
    {
        var (state, _) = await routing.GetPlanStateAsync(accountId, cancellationToken);
        var result = await routing.DeactivatePlanAsync(accountId, Actor(who), ifMatch, cancellationToken);
        if (result.Outcome == WriteOutcome.PreconditionFailed && ifMatch is not null)
        {
            return null;
        }

        var version = Check(result, accountId, null).ETag!;
        await outbox.EnqueueAsync([PlanEvent(accountId, SmartnumbersEventTypes.DialPlanDeactivated, state.ActivePlanId, state.ActivePlanId, who, reason, version)], cancellationToken);
        return new ActivePlan(null, version);
    }

    private static AuditActor Actor(string who) => new(who, "system", AuditActor.Health);

    private static ControlResult Check(ControlResult result, string accountId, string? planId) =>
        result.Succeeded
            ? result
            : throw new InvalidOperationException($"Switching account {accountId} to {planId ?? "normal routing"} failed: {result.Outcome} ({result.Detail})");

    private OutboxEvent PlanEvent(string accountId, string type, string? planId, string? previous, string who, string reason, string version)
    {
        var data = new PlanSwitchEventData(planId ?? "", type == SmartnumbersEventTypes.DialPlanActivated ? planId : null, previous, AuditActor.Health, who, reason);
        return OutboxEvent.Create($"{type}:{accountId}:{version}", type, accountId, $"plans/{planId}", time.GetUtcNow(), data, DeliveryHealthJsonContext.Default.PlanSwitchEventData);
    }
}
