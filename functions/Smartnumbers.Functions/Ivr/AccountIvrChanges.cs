using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Applies the IVR's changes through the admin area's <see cref="IRoutingControl"/> (audited, channel "ivr", who = the
/// staff id). Plan switches are guarded by the plan state's ETag read here: a plan no longer in its slot is
/// <see cref="IvrActionOutcome.Stale"/>, an already active plan or a missing override <see cref="IvrActionOutcome.NoChange"/>.
/// </summary>
internal sealed class AccountIvrChanges(IRoutingControl control, IIvrAccounts accounts) : IIvrChanges
{
    private const int MaxAttempts = 5;

    public async Task<IvrActionOutcome> ApplyAsync(IvrCall call, IvrAction action, CancellationToken ct)
    {
        var account = await accounts.GetAsync(call.AccountId, ct);
        var role = account?.Staff.TryGetValue(action.StaffId, out var staff) == true && staff.Role == StaffRole.Operator ? "operator" : "staff";
        var actor = new AuditActor(action.StaffId, role, AuditActor.Ivr);
        return action switch
        {
            ActivatePlan a => await SwitchAsync(call.AccountId, state =>
                !state.LoadedSlots.TryGetValue(a.Slot, out var id) || id != a.PlanId ? IvrActionOutcome.Stale
                : state.ActivePlanId == a.PlanId ? IvrActionOutcome.NoChange : null,
                etag => control.ActivatePlanAsync(call.AccountId, a.PlanId, actor, etag, ct), ct),
            DeactivatePlans => await SwitchAsync(call.AccountId, state => state.ActivePlanId is null ? IvrActionOutcome.NoChange : null,
                etag => control.DeactivatePlanAsync(call.AccountId, actor, etag, ct), ct),
            SetOverride s => await OverridesAsync(s.Numbers, n => control.SetOverrideAsync(call.AccountId, n,
                new PersonalOverride { Destinations = [s.Destination], ExpiresAt = s.ExpiresAt, SetBy = s.StaffId }, actor, null, ct), IvrActionOutcome.Failed),
            CancelOverride c => await OverridesAsync(c.Numbers, n => control.CancelOverrideAsync(call.AccountId, n, actor, null, ct), IvrActionOutcome.NoChange),
            _ => IvrActionOutcome.Failed,
        };
    }

    private async Task<IvrActionOutcome> SwitchAsync(
        string accountId, Func<DialPlanState, IvrActionOutcome?> check, Func<string?, Task<ControlResult>> apply, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (state, etag) = await control.GetPlanStateAsync(accountId, ct);
            if (check(state) is { } settled)
            {
                return settled;
            }

            var result = await apply(etag);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    return IvrActionOutcome.Applied;
                case WriteOutcome.PreconditionFailed:
                    continue; // Someone switched meanwhile: look again.
                case WriteOutcome.Conflict or WriteOutcome.NotFound:
                    return IvrActionOutcome.Stale;
                default:
                    return IvrActionOutcome.Failed;
            }
        }

        return IvrActionOutcome.Failed;
    }

    private static async Task<IvrActionOutcome> OverridesAsync(IReadOnlyList<string> numbers, Func<string, Task<ControlResult>> apply, IvrActionOutcome whenNone)
    {
        var applied = false;
        foreach (var number in numbers)
        {
            applied |= (await apply(number)).Succeeded;
        }

        return applied ? IvrActionOutcome.Applied : whenNone;
    }
}
