using System.Collections.Concurrent;
using Smartnumbers.Core;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Ivr;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>
/// One account's snapshot held in memory, changed by the IVR's requests: stands in for the admin area's snapshot and
/// plan service in tests of <see cref="DialInLine"/> alone (sessions and lockouts still use the real Azurite).
/// </summary>
internal sealed class InMemoryAccount(AccountSnapshot snapshot) : IIvrAccounts, IIvrChanges
{
    private readonly ConcurrentQueue<IvrAction> _applied = new();

    public AccountSnapshot Snapshot { get; set; } = snapshot;

    public IReadOnlyList<IvrAction> Applied => [.. _applied];

    public Task<AccountSnapshot?> GetAsync(string accountId, CancellationToken ct) =>
        Task.FromResult(accountId == Snapshot.AccountId ? Snapshot : null);

    public Task<IvrActionOutcome> ApplyAsync(IvrCall call, IvrAction action, CancellationToken ct)
    {
        _applied.Enqueue(action);
        var state = Snapshot.PlanState;
        switch (action)
        {
            case ActivatePlan a when !state.LoadedSlots.TryGetValue(a.Slot, out var id) || id != a.PlanId:
                return Task.FromResult(IvrActionOutcome.Stale);
            case ActivatePlan a:
                Snapshot = Snapshot with { PlanState = state with { ActivePlanId = a.PlanId } };
                return Task.FromResult(IvrActionOutcome.Applied);
            case DeactivatePlans when state.ActivePlanId is null:
                return Task.FromResult(IvrActionOutcome.NoChange);
            case DeactivatePlans:
                Snapshot = Snapshot with { PlanState = state with { ActivePlanId = null } };
                return Task.FromResult(IvrActionOutcome.Applied);
            default:
                return Task.FromResult(IvrActionOutcome.Failed);
        }
    }

    public static AccountSnapshot Northwind(string accountId, string pinHash) => new()
    {
        AccountId = accountId,
        Settings = new AccountSettings { Name = "Northwind" },
        Plans = new Dictionary<string, DialPlan> { ["leeds-closed"] = new() { Name = "Leeds office closed" } },
        PlanState = new DialPlanState { LoadedSlots = new Dictionary<int, string> { [2] = "leeds-closed" } },
        Staff = new Dictionary<string, StaffMember>
        {
            ["1234"] = new() { Id = "1234", Name = "Olive", Role = StaffRole.Operator, PinHash = pinHash },
        },
    };
}
