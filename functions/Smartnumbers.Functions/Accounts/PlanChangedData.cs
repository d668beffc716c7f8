namespace Smartnumbers.Functions.Accounts;

/// <summary>The <c>data</c> of Smartnumbers.DialPlan.Activated / Deactivated, whoever switched (api, ivr or health).</summary>
/// <param name="Plan">The plan activated, or the one deactivated.</param>
/// <param name="ActivePlan">The plan active after the switch; null for normal routing.</param>
public sealed record PlanChangedData(string? Plan, string? ActivePlan, string? PreviousPlan, string Channel, string Who);
