namespace Smartnumbers.Functions.Notifications;

/// <summary>The durable queue of notifications: enqueued once, sent by email and webhook with retries, at most once per entry and channel.</summary>
public interface INotificationOutbox
{
    /// <summary>Writes the notifications (idempotent per id) and nudges the sender; returns once durable.</summary>
    Task EnqueueAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);
}
