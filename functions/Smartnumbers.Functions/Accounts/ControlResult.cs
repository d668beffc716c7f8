using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.Accounts;

/// <summary>The end of a routing switch (plan state or override).</summary>
/// <param name="ETag">The new ETag of the changed row (the plan state for plan switches, the override row for overrides);
/// pass it as <c>ifMatch</c> to change it back only if nobody changed it meanwhile.</param>
/// <param name="Field">For refusals: the input field at fault (e.g. "slot", "If-Match").</param>
/// <param name="PlanState">For plan switches that succeeded: the new plan state.</param>
public sealed record ControlResult(WriteOutcome Outcome, string? ETag, string? Detail = null, string? Field = null, DialPlanState? PlanState = null)
{
    public bool Succeeded => Outcome == WriteOutcome.Done;
}
