using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Scheduling;

/// <summary>
/// What firing a <see cref="PlanSchedule"/> decided: the entry as it now stands and, when routing changes, the new plan
/// state. <see cref="Kind"/> <see cref="ScheduleFiringKind.NothingDue"/> means nothing was due (or another instance fired it).
/// </summary>
public sealed record ScheduleFiring(ScheduleFiringKind Kind, PlanSchedule Entry, DialPlanState? NextState, string Detail);

/// <summary>The outcome of one firing.</summary>
public enum ScheduleFiringKind
{
    /// <summary>No half of the entry is due and pending.</summary>
    NothingDue,
    /// <summary>The plan was made active (or already was).</summary>
    Activated,
    /// <summary>The plan the entry activated was deactivated: normal routing.</summary>
    Deactivated,
    /// <summary>Routing had changed meanwhile; nothing was switched.</summary>
    Skipped,
    /// <summary>The switch was impossible (the plan is no longer loaded).</summary>
    Failed,
}
