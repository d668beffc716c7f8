using System.Threading.Channels;
using Azure;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Notifications;

/// <summary>Delivers the notification outbox in the background as soon as something is enqueued; the DeliverNotifications timer is the backstop.</summary>
internal sealed partial class NotificationDispatcher(IServiceProvider services, StorageReadiness readiness, ILogger<NotificationDispatcher> log) : BackgroundService
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
                    await services.GetRequiredService<NotificationDeliverer>().DeliverPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or InvalidOperationException)
                {
                    LogDeliverFailed(log, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the DeliverNotifications timer picks up anything left.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notifications failed; the DeliverNotifications timer will retry")]
    private static partial void LogDeliverFailed(ILogger logger, Exception ex);
}
