using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Notifications;

/// <summary>Delivers the notification outbox in the background as soon as something is enqueued; the DeliverNotifications timer is the backstop.</summary>
internal sealed class NotificationDispatcher(IServiceProvider services, StorageReadiness readiness, ILogger<NotificationDispatcher> log)
    : NudgedWorker(services, readiness, log)
{
    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<NotificationDeliverer>().DeliverPendingAsync(cancellationToken);
}
