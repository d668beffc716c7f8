using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core;

/// <summary>
/// Everything the call path needs to decide a call for one account, immutable and held in memory.
/// Built by the storage layer; refreshed on every instance when the account's <see cref="Version"/> changes.
/// </summary>
public sealed record AccountSnapshot
{
    public required string AccountId { get; init; }
    /// <summary>Bumped by every write to the account's configuration.</summary>
    public long Version { get; init; }
    public required AccountSettings Settings { get; init; }
    /// <summary>E.164 → number config.</summary>
    public IReadOnlyDictionary<string, NumberConfig> Numbers { get; init; } = new Dictionary<string, NumberConfig>();
    /// <summary>Plan id → plan.</summary>
    public IReadOnlyDictionary<string, DialPlan> Plans { get; init; } = new Dictionary<string, DialPlan>();
    public DialPlanState PlanState { get; init; } = new();
    /// <summary>E.164 → override (expired ones may be present; the decider ignores them).</summary>
    public IReadOnlyDictionary<string, PersonalOverride> Overrides { get; init; } = new Dictionary<string, PersonalOverride>();
    public CallerList BlockList { get; init; } = CallerList.Empty;
    public CallerList AllowList { get; init; } = CallerList.Empty;
    /// <summary>Site id → site.</summary>
    public IReadOnlyDictionary<string, Site> Sites { get; init; } = new Dictionary<string, Site>();
    /// <summary>Ids of sites the health probes currently mark down.</summary>
    public IReadOnlySet<string> DownSites { get; init; } = new HashSet<string>();
    /// <summary>Staff id → staff member.</summary>
    public IReadOnlyDictionary<string, StaffMember> Staff { get; init; } = new Dictionary<string, StaffMember>();
}
