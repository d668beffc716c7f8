using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Notifications;

/// <summary>The backstop and the poller: sends what is due and polls accepted emails (schedule in DeliverNotifications/function.json).</summary>
internal sealed class DeliverNotificationsTimer(NotificationDeliverer deliverer) : ITimerFunction
{
    public string Name => "DeliverNotifications";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var figures = await deliverer.DeliverPendingAsync(cancellationToken);
        return [$"{figures.Pending} notifications pending, {figures.Failed} failed" + (figures.EmailConfigured ? "" : " (email off: Notifications:SenderAddress not set)")];
    }
}
