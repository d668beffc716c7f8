using System.Diagnostics.Metrics;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Notifications;

/// <summary>Notification metrics on the app's meter.</summary>
internal static class NotificationMetrics
{
    /// <summary>Channels of notifications given up (tag <c>channel</c>: email | webhook).</summary>
    public static readonly Counter<long> Failed = SmartnumbersTelemetry.Meter.CreateCounter<long>(
        "smartnumbers.notifications.failed", description: "Notifications given up after retries, kept for an operator");
}
