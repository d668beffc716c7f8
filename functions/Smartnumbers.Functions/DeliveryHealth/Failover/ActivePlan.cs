namespace Smartnumbers.Functions.DeliveryHealth.Failover;

/// <summary>The account's active dial plan (null: normal routing) and the version of the plan state.</summary>
/// <param name="Version">Changes with every change of the active plan (e.g. the plan-state row's ETag); recovery compares it
/// with the version right after the failover to tell whether someone changed the active plan by hand.</param>
public sealed record ActivePlan(string? PlanId, string Version);
