using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Events;

/// <summary>Publishes the outbox in the background as soon as something is enqueued, so no caller waits for Event Grid; the PublishOutbox timer is the backstop.</summary>
internal sealed class OutboxDispatcher(IServiceProvider services, StorageReadiness readiness, ILogger<OutboxDispatcher> log)
    : NudgedWorker(services, readiness, log)
{
    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxPublisher>().PublishPendingAsync(cancellationToken);
}
