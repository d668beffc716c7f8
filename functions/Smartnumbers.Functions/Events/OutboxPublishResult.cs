namespace Smartnumbers.Functions.Events;

/// <summary>What one publishing pass did.</summary>
/// <param name="Configured">False when no Event Grid topic is configured (events stay in the outbox).</param>
public sealed record OutboxPublishResult(int Published, int Remaining, bool Configured, string? Error);
