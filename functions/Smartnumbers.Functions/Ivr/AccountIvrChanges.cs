using System.Text.Json;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Applies the IVR's changes to the account's configuration rows, each in one audited transaction (channel "ivr",
/// who = the staff id), deciding from the rows as they are at commit time: a plan no longer in its slot is
/// <see cref="IvrActionOutcome.Stale"/>, an already active plan or a missing override is <see cref="IvrActionOutcome.NoChange"/>.
/// </summary>
internal sealed class AccountIvrChanges(ConfigDocuments documents, IIvrAccounts accounts) : IIvrChanges
{
    private static readonly ConfigJsonContext Json = ConfigJsonContext.Default;

    public async Task<IvrActionOutcome> ApplyAsync(IvrCall call, IvrAction action, CancellationToken ct)
    {
        var account = await accounts.GetAsync(call.AccountId, ct);
        var role = account?.Staff.TryGetValue(action.StaffId, out var staff) == true && staff.Role == StaffRole.Operator ? "operator" : "staff";
        var actor = new AuditActor(action.StaffId, role, AuditActor.Ivr);
        var outcome = IvrActionOutcome.Failed;
        var keys = action switch
        {
            ActivatePlan a => [ConfigRows.PlanState, ConfigRows.Plan(a.PlanId)],
            DeactivatePlans => [ConfigRows.PlanState],
            SetOverride s => s.Numbers.Select(ConfigRows.Override).ToList(),
            CancelOverride c => c.Numbers.Select(ConfigRows.Override).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "not a change request"),
        };
        var result = await documents.WriteAsync(call.AccountId, keys, rows =>
        {
            var (change, decided) = Decide(action, rows);
            outcome = decided;
            return change;
        }, actor, ct);
        return result.Outcome == WriteOutcome.Done ? IvrActionOutcome.Applied : outcome;
    }

    private static (ConfigChange Change, IvrActionOutcome Outcome) Decide(IvrAction action, IReadOnlyDictionary<string, StoredRow?> rows)
    {
        switch (action)
        {
            case ActivatePlan a:
            {
                var state = PlanState(rows);
                if (rows[ConfigRows.Plan(a.PlanId)] is null || !state.LoadedSlots.TryGetValue(a.Slot, out var id) || id != a.PlanId)
                {
                    return Unchanged(IvrActionOutcome.Stale);
                }

                return state.ActivePlanId == a.PlanId
                    ? Unchanged(IvrActionOutcome.NoChange)
                    : (StateChange(rows, state with { ActivePlanId = a.PlanId }, $"plans/{a.PlanId}:activate"), IvrActionOutcome.Applied);
            }

            case DeactivatePlans:
            {
                var state = PlanState(rows);
                return state.ActivePlanId is null
                    ? Unchanged(IvrActionOutcome.NoChange)
                    : (StateChange(rows, state with { ActivePlanId = null }, "plans:deactivate"), IvrActionOutcome.Applied);
            }

            case SetOverride s:
            {
                var json = JsonSerializer.Serialize(
                    new PersonalOverride { Destinations = [s.Destination], ExpiresAt = s.ExpiresAt, SetBy = s.StaffId }, Json.PersonalOverride);
                var change = new ConfigChange
                {
                    Rows = [.. s.Numbers.Select(n => new RowChange(ConfigRows.Override(n), json))],
                    Action = "PUT",
                    Resource = "overrides/" + string.Join(",", s.Numbers),
                    Before = rows.Values.FirstOrDefault(r => r is not null)?.Json,
                    After = json,
                };
                return (change, IvrActionOutcome.Applied);
            }

            case CancelOverride c:
            {
                var existing = c.Numbers.Where(n => rows[ConfigRows.Override(n)] is not null).ToList();
                if (existing.Count == 0)
                {
                    return Unchanged(IvrActionOutcome.NoChange);
                }

                var change = new ConfigChange
                {
                    Rows = [.. existing.Select(n => RowChange.Remove(ConfigRows.Override(n)))],
                    Action = "DELETE",
                    Resource = "overrides/" + string.Join(",", existing),
                    Before = rows[ConfigRows.Override(existing[0])]!.Json,
                };
                return (change, IvrActionOutcome.Applied);
            }

            default:
                return Unchanged(IvrActionOutcome.Failed);
        }
    }

    private static DialPlanState PlanState(IReadOnlyDictionary<string, StoredRow?> rows) =>
        rows[ConfigRows.PlanState]?.Json is { } json ? JsonSerializer.Deserialize(json, Json.DialPlanState) ?? new() : new();

    private static ConfigChange StateChange(IReadOnlyDictionary<string, StoredRow?> rows, DialPlanState next, string resource)
    {
        var json = JsonSerializer.Serialize(next, Json.DialPlanState);
        return new ConfigChange
        {
            Rows = [new RowChange(ConfigRows.PlanState, json)],
            Action = "POST",
            Resource = resource,
            Before = rows[ConfigRows.PlanState]?.Json,
            After = json,
        };
    }

    /// <summary>Nothing to write: refused so no audit row is added, with the outcome the caller hears.</summary>
    private static (ConfigChange, IvrActionOutcome) Unchanged(IvrActionOutcome outcome) =>
        (ConfigChange.Refuse(WriteOutcome.Conflict, outcome.ToString()), outcome);
}
