using System.Text.Json;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Scheduling;
using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// <see cref="IRoutingControl"/> over the account's plan-state and override rows. Every activation, deactivation and
/// override set — from the API, the IVR or the health failover — publishes its CloudEvent through the outbox, written in
/// the change's own transaction (so a change is never without its event, nor an event without its change), with an id
/// made of the event type, the account and the account version the change made (stable for that change).
/// </summary>
internal sealed class RoutingControl(ConfigDocuments documents, TimeProvider time) : IRoutingControl
{
    private static ConfigJsonContext Json => ConfigJsonContext.Web;

    public async Task<(DialPlanState State, string? ETag)> GetPlanStateAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var row = await documents.Store.GetAsync(accountId, ConfigRows.PlanState, cancellationToken);
        return (ReadState(row), row?.ETag.ToString());
    }

    public Task<ControlResult> LoadPlanAsync(string accountId, string planId, int? slot, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SwitchAsync(accountId, planId, "load", null, ifMatch, actor, state =>
        {
            if (slot is < 1 or > DialPlanState.MaxLoaded)
            {
                return Refuse(WriteOutcome.Invalid, $"slot must be 1–{DialPlanState.MaxLoaded}.", "slot");
            }

            var slots = new Dictionary<int, string>(state.LoadedSlots);
            if (slots.FirstOrDefault(s => s.Value == planId) is { Value: not null } loaded)
            {
                return slot is null || slot == loaded.Key
                    ? (state, null)
                    : Refuse(WriteOutcome.Conflict, $"The plan is already loaded in slot {loaded.Key}; unload it first.", "slot");
            }

            var target = slot ?? Enumerable.Range(1, DialPlanState.MaxLoaded).Cast<int?>().FirstOrDefault(s => !slots.ContainsKey(s!.Value));
            if (target is null)
            {
                return Refuse(WriteOutcome.Conflict, $"All {DialPlanState.MaxLoaded} slots are loaded; unload a plan first.", "slot");
            }

            if (slots.TryGetValue(target.Value, out var occupant))
            {
                return Refuse(WriteOutcome.Conflict, $"Slot {target} holds plan '{occupant}'; unload it first.", "slot");
            }

            slots[target.Value] = planId;
            return (state with { LoadedSlots = slots }, null);
        }, cancellationToken);

    public Task<ControlResult> UnloadPlanAsync(string accountId, string planId, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SwitchAsync(accountId, planId, "unload", null, ifMatch, actor, state =>
        {
            if (state.ActivePlanId == planId)
            {
                return Refuse(WriteOutcome.Conflict, "The plan is active; deactivate it first.", "plan");
            }

            if (!state.LoadedSlots.Values.Contains(planId))
            {
                return Refuse(WriteOutcome.Conflict, "The plan is not loaded.", "plan");
            }

            return (state with { LoadedSlots = state.LoadedSlots.Where(s => s.Value != planId).ToDictionary() }, null);
        }, cancellationToken);

    public Task<ControlResult> ActivatePlanAsync(string accountId, string planId, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SwitchAsync(accountId, planId, "activate", SmartnumbersEventTypes.DialPlanActivated, ifMatch, actor, state =>
            state.LoadedSlots.Values.Contains(planId)
                ? (state with { ActivePlanId = planId }, null)
                : Refuse(WriteOutcome.Conflict, "The plan is not loaded; load it into a slot first.", "plan"), cancellationToken);

    public Task<ControlResult> DeactivatePlanAsync(string accountId, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SwitchAsync(accountId, null, "deactivate", SmartnumbersEventTypes.DialPlanDeactivated, ifMatch, actor, state => (state with { ActivePlanId = null }, null), cancellationToken);

    public async Task<ControlResult> SetOverrideAsync(string accountId, string number, PersonalOverride value, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var key = ConfigRows.Override(number);
        var json = JsonSerializer.Serialize(value, Json.PersonalOverride);
        var data = new OverrideSetData(number, value.Destinations, value.ExpiresAt, actor.Channel, actor.Who);
        var result = await documents.WriteAsync(accountId, [ConfigRows.Account, ConfigRows.Number(number), key], rows =>
            MissingAccountOrNumber(rows, number) ?? ConfigDocuments.Precondition(rows[key], ifMatch) ?? new ConfigChange
            {
                Rows = [new RowChange(key, json)],
                Action = "PUT",
                Resource = "overrides/" + number,
                Before = rows[key]?.Json,
                After = json,
                Events = version => [OutboxEvent.Create(EventId(SmartnumbersEventTypes.OverrideSet, accountId, version), SmartnumbersEventTypes.OverrideSet,
                    accountId, "overrides/" + number, time.GetUtcNow(), data, RoutingEventJsonContext.Default.OverrideSetData)],
            }, actor, cancellationToken);
        return ToControl(result, key);
    }

    public async Task<ControlResult> CancelOverrideAsync(string accountId, string number, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var key = ConfigRows.Override(number);
        var result = await documents.WriteAsync(accountId, [ConfigRows.Account, key], rows =>
            rows[ConfigRows.Account] is null || rows[key] is null
                ? ConfigChange.Refuse(WriteOutcome.NotFound, "No override is set for the number.")
                : ConfigDocuments.Precondition(rows[key], ifMatch) ?? new ConfigChange
                {
                    Rows = [RowChange.Remove(key)],
                    Action = "DELETE",
                    Resource = "overrides/" + number,
                    Before = rows[key]!.Json,
                }, actor, cancellationToken);
        return ToControl(result, key);
    }

    private static ConfigChange? MissingAccountOrNumber(IReadOnlyDictionary<string, StoredRow?> rows, string number) =>
        rows[ConfigRows.Account] is null ? ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.")
        : rows[ConfigRows.Number(number)] is null ? ConfigChange.Refuse(WriteOutcome.NotFound, "The number is not configured in this account.", "e164")
        : null;

    private async Task<ControlResult> SwitchAsync(
        string account, string? planId, string action, string? eventType, string? ifMatch, AuditActor actor,
        Func<DialPlanState, (DialPlanState? Next, ConfigChange? Refusal)> step, CancellationToken ct)
    {
        string[] keys = planId is null ? [ConfigRows.Account, ConfigRows.PlanState] : [ConfigRows.Account, ConfigRows.PlanState, ConfigRows.Plan(planId)];
        var result = await documents.WriteAsync(account, keys, rows =>
        {
            if (rows[ConfigRows.Account] is null)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.");
            }

            var stateRow = rows[ConfigRows.PlanState];
            if (ConfigDocuments.Precondition(stateRow, ifMatch) is { } failed)
            {
                return failed;
            }

            if (planId is not null && rows[ConfigRows.Plan(planId)] is null)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The plan does not exist.", "plan");
            }

            var (next, refusal) = step(ReadState(stateRow));
            return refusal ?? PlanStateChange(account, planId, action, eventType, stateRow, next!, actor);
        }, actor, ct);
        var control = ToControl(result, ConfigRows.PlanState);
        return control.Succeeded ? control with { PlanState = ReadState(result.Change.After) } : control;
    }

    /// <summary>
    /// Fires the due half of scheduled entry <paramref name="entryId"/> (<see cref="PlanSchedule.Fire"/>): the entry's new
    /// state, the plan state, the audit row (channel "schedule") and the DialPlan event commit in one transaction, guarded
    /// by both rows' ETags, so two instances firing the same entry switch once: the loser re-reads and finds nothing due.
    /// </summary>
    public async Task<ScheduleFiring?> FireScheduledAsync(string accountId, string entryId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var key = ConfigRows.Schedule(entryId);
        var actor = new AuditActor("schedule/" + entryId, "system", AuditActor.Schedule);
        ScheduleFiring? firing = null;
        await documents.WriteAsync(accountId, [ConfigRows.Account, ConfigRows.PlanState, key], rows =>
        {
            firing = null;
            if (rows[ConfigRows.Account] is null || rows[key]?.Json is not { } entryJson)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The schedule entry does not exist.");
            }

            var entry = JsonSerializer.Deserialize(entryJson, Json.PlanSchedule)!;
            var stateRow = rows[ConfigRows.PlanState];
            firing = entry.Fire(ReadState(stateRow), now);
            var entryRow = new RowChange(key, JsonSerializer.Serialize(firing.Entry, Json.PlanSchedule));
            if (firing.Kind == ScheduleFiringKind.NothingDue)
            {
                return ConfigChange.Refuse(WriteOutcome.Conflict, "Nothing of the entry is due.");
            }

            if (firing.NextState is { } next)
            {
                var activated = firing.Kind == ScheduleFiringKind.Activated;
                var change = PlanStateChange(accountId, activated ? entry.Plan : null, activated ? "activate" : "deactivate",
                    activated ? SmartnumbersEventTypes.DialPlanActivated : SmartnumbersEventTypes.DialPlanDeactivated, stateRow, next, actor);
                return change with { Rows = [.. change.Rows, entryRow], Note = firing.Detail };
            }

            return new ConfigChange
            {
                Rows = [entryRow],
                Action = firing.Kind switch
                {
                    ScheduleFiringKind.Activated => "activate",
                    ScheduleFiringKind.Failed => "activate failed",
                    _ => "deactivate skipped",
                },
                Resource = "plans/" + entry.Plan,
                Before = stateRow?.Json,
                After = stateRow?.Json,
                Note = firing.Detail,
                BumpVersion = false,
            };
        }, actor, cancellationToken);
        return firing;
    }

    /// <summary>The change of the plan state to <paramref name="next"/>, with its DialPlan event when <paramref name="eventType"/> is given.</summary>
    private ConfigChange PlanStateChange(string account, string? planId, string action, string? eventType, StoredRow? stateRow, DialPlanState next, AuditActor actor)
    {
        var before = ReadState(stateRow);
        var json = JsonSerializer.Serialize(next, Json.DialPlanState);
        var data = new PlanChangedData(planId ?? before.ActivePlanId, next.ActivePlanId, before.ActivePlanId, actor.Channel, actor.Who, actor.Cause);
        return new ConfigChange
        {
            Rows = [new RowChange(ConfigRows.PlanState, json)],
            Action = action,
            Resource = planId is null ? "plans" : "plans/" + planId,
            Before = stateRow?.Json,
            After = json,
            Events = eventType is null ? null : version => [OutboxEvent.Create(EventId(eventType, account, version), eventType, account,
                "plans/" + (planId ?? before.ActivePlanId ?? ""), time.GetUtcNow(), data, RoutingEventJsonContext.Default.PlanChangedData)],
        };
    }

    private static string EventId(string type, string account, long version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{type}:{account}:v{version}");

    private static DialPlanState ReadState(StoredRow? row) => ReadState(row?.Json);

    private static DialPlanState ReadState(string? json) =>
        json is null ? new DialPlanState() : JsonSerializer.Deserialize(json, Json.DialPlanState) ?? new DialPlanState();

    private static (DialPlanState?, ConfigChange?) Refuse(WriteOutcome outcome, string detail, string field) =>
        (null, ConfigChange.Refuse(outcome, detail, field));

    private static ControlResult ToControl(WriteResult result, string rowKey) =>
        new(result.Outcome, result.ETagOf(rowKey)?.ToString(), result.Change.Detail, result.Change.Field);
}
