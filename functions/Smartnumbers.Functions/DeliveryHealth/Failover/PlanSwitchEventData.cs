namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>The <c>data</c> of Smartnumbers.DialPlan.Activated / Deactivated when health switches a plan.</summary>
/// <param name="Who">The site whose outage or recovery caused the switch.</param>
public sealed record PlanSwitchEventData(string Plan, string? ActivePlan, string? PreviousPlan, string Channel, string Who, string Reason);
