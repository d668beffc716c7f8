using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Smartnumbers.Core.Notifications;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// Raises "divert cap reached" once per number per clock hour (UTC), however many calls hit the cap: the call path
/// only marks the hour here (no I/O); the first mark enqueues one outbox entry in the background, whose id names the
/// number and the hour, so other instances marking the same hour write the same entry.
/// </summary>
public sealed partial class DivertCapNotices(INotificationOutbox outbox, ILogger<DivertCapNotices> log)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _raised = new(StringComparer.Ordinal);

    /// <summary>Called when a divert was refused because <paramref name="number"/> used its hourly cap; returns at once.</summary>
    public void Reached(string accountId, string number, int maxDivertsPerHour, DateTimeOffset at)
    {
        var hour = new DateTimeOffset(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
        var id = $"divert-cap:{accountId}:{number}:{hour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}";
        if (!_raised.TryAdd(id, hour))
        {
            return;
        }

        foreach (var (key, raisedHour) in _raised)
        {
            if (raisedHour < hour)
            {
                _raised.TryRemove(key, out _);
            }
        }

        var notification = new Notification(id, accountId, NotificationKinds.DivertCapReached, at,
            $"Divert cap reached on {number}",
            $"{number} reached its cap of {maxDivertsPerHour} diverts in the hour from {hour:HH:mm} UTC; further calls this hour are routed normally and flagged.",
            JsonSerializer.Serialize(new DivertCapData(number, maxDivertsPerHour, hour), NotificationJsonContext.Default.DivertCapData));
        _ = EnqueueAsync(notification);
    }

    /// <summary>Completes when every background enqueue started so far has finished (tests).</summary>
    internal Task Pending { get; private set; } = Task.CompletedTask;

    private async Task EnqueueAsync(Notification notification)
    {
        var task = EnqueueOnceAsync(notification);
        Pending = Task.WhenAll(Pending, task);
        await task;
    }

    private async Task EnqueueOnceAsync(Notification notification)
    {
        try
        {
            await Task.Yield();
            await outbox.EnqueueAsync([notification], CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not durable yet: forget the mark so the next call over the cap this hour tries again.
            _raised.TryRemove(notification.Id, out _);
            LogEnqueueFailed(log, notification.AccountId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue a divert-cap notification for account {Account} ({Error}); the next capped call retries")]
    private static partial void LogEnqueueFailed(ILogger logger, string account, string error);
}
