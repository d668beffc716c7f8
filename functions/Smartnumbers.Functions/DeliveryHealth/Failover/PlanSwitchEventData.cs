namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>The <c>data</c> of Smartnumbers.DialPlan.Activated / Deactivated when health switches a plan.</summary>
public sealed record PlanSwitchEventData(string Plan, string? ActivePlan, string? PreviousPlan, string Channel, string Reason);
