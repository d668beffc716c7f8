using System.Text.Json;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>
/// Plan switching over the configuration table's "planstate" row (ETag-guarded, versioned, audited with channel
/// "health", snapshot refreshed) and the DialPlan.Activated/Deactivated events. The plan-state row's ETag is the
/// <see cref="ActivePlan.Version"/>. To be replaced by the admin area's plan service when it lands.
/// </summary>
internal sealed class ConfigDialPlanSwitch(ConfigDocuments documents, IEventOutbox outbox, TimeProvider time) : IDialPlanSwitch
{
    public async Task<ActivePlan> GetActiveAsync(string accountId, CancellationToken cancellationToken)
    {
        var row = await documents.Store.GetAsync(accountId, ConfigRows.PlanState, cancellationToken);
        return new ActivePlan(Parse(row?.Json).ActivePlanId, row?.ETag.ToString() ?? "none");
    }

    public Task<ActivePlan> ActivateAsync(string accountId, string planId, string channel, string reason, CancellationToken cancellationToken) =>
        SwitchAsync(accountId, planId, channel, reason, cancellationToken);

    public Task<ActivePlan> DeactivateAsync(string accountId, string channel, string reason, CancellationToken cancellationToken) =>
        SwitchAsync(accountId, null, channel, reason, cancellationToken);

    private async Task<ActivePlan> SwitchAsync(string accountId, string? planId, string channel, string reason, CancellationToken ct)
    {
        var keys = planId is null ? new[] { ConfigRows.PlanState } : [ConfigRows.PlanState, ConfigRows.Plan(planId)];
        string? previous = null;
        var result = await documents.WriteAsync(accountId, keys, rows =>
        {
            if (planId is not null && rows[ConfigRows.Plan(planId)] is null)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, $"Plan {planId} does not exist.", "failoverPlan");
            }

            var current = rows[ConfigRows.PlanState];
            var state = Parse(current?.Json);
            previous = state.ActivePlanId;
            var slots = new Dictionary<int, string>(state.LoadedSlots);
            if (planId is not null && !slots.ContainsValue(planId))
            {
                var free = Enumerable.Range(1, DialPlanState.MaxLoaded).FirstOrDefault(s => !slots.ContainsKey(s));
                if (free == 0)
                {
                    return ConfigChange.Refuse(WriteOutcome.Conflict, $"Plan {planId} is not loaded and all {DialPlanState.MaxLoaded} slots are taken.", "failoverPlan");
                }

                slots[free] = planId;
            }

            var next = new DialPlanState { LoadedSlots = slots, ActivePlanId = planId };
            var json = JsonSerializer.Serialize(next, ConfigJsonContext.Default.DialPlanState);
            return new ConfigChange
            {
                Rows = [new RowChange(ConfigRows.PlanState, json)],
                Action = planId is null ? "plans:deactivate" : $"plans/{planId}:activate",
                Resource = "plans",
                Before = current?.Json,
                After = json,
            };
        }, new AuditActor(channel, "system", channel), ct);
        if (result.Outcome != WriteOutcome.Done)
        {
            throw new InvalidOperationException($"Switching account {accountId} to {planId ?? "normal routing"} failed: {result.Outcome} ({result.Change.Detail})");
        }

        var version = result.ETagOf(ConfigRows.PlanState)?.ToString() ?? throw new InvalidOperationException("The plan-state write returned no ETag");
        await outbox.EnqueueAsync([PlanEvent(accountId, planId, previous, channel, reason, version)], ct);
        return new ActivePlan(planId, version);
    }

    private OutboxEvent PlanEvent(string accountId, string? planId, string? previous, string channel, string reason, string version)
    {
        var data = new PlanSwitchEventData(planId ?? previous ?? "", planId, previous, channel, reason);
        return planId is null
            ? OutboxEvent.Create($"plan-deactivated:{accountId}:{version}", SmartnumbersEventTypes.DialPlanDeactivated, accountId, $"plans/{previous}", time.GetUtcNow(), data, DeliveryHealthJsonContext.Default.PlanSwitchEventData)
            : OutboxEvent.Create($"plan-activated:{accountId}:{version}", SmartnumbersEventTypes.DialPlanActivated, accountId, $"plans/{planId}", time.GetUtcNow(), data, DeliveryHealthJsonContext.Default.PlanSwitchEventData);
    }

    private static DialPlanState Parse(string? json) =>
        json is null ? new DialPlanState() : JsonSerializer.Deserialize(json, ConfigJsonContext.Default.DialPlanState) ?? new DialPlanState();
}
