namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>An audit entry written by the health area (who = "health", channel = "health").</summary>
/// <param name="Action">"site.down", "site.restored", "failover.activated".</param>
public sealed record HealthAuditEntry(DateTimeOffset At, string Who, string Channel, string Action, string Subject, string? Before, string? After, string Detail);
