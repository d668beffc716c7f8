using System.Threading.Channels;
using Azure;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Events;

/// <summary>Publishes the outbox in the background as soon as something is enqueued, so no caller waits for Event Grid.</summary>
internal sealed partial class OutboxDispatcher(IServiceProvider services, StorageReadiness readiness, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReadyAsync(stoppingToken);
            await foreach (var _ in _nudges.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await services.GetRequiredService<OutboxPublisher>().PublishPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or InvalidOperationException)
                {
                    LogPublishFailed(log, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the PublishOutbox timer picks up anything left.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the outbox failed; the PublishOutbox timer will retry")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex);
}
