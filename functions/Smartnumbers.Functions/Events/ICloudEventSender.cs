namespace Smartnumbers.Functions.Events;

/// <summary>Sends a batch of outbox events to the topic; throws when the topic did not accept them.</summary>
public interface ICloudEventSender
{
    /// <summary>False when no topic is configured: events then stay in the outbox.</summary>
    bool IsConfigured { get; }

    Task SendAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);
}
