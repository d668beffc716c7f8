using System.Text.Json.Nodes;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// Which CloudEvents people are told about, and in what words: a site down or up, a failover or failback by the health
/// probes (told apart by the event's <c>cause</c>: a failback may activate the plan active before the outage), an
/// override set through the dial-in line. Other events (and other channels' changes) are not notified.
/// </summary>
internal static class EventNotices
{
    public static Notification? From(OutboxEvent e)
    {
        var data = JsonNode.Parse(e.DataJson) as JsonObject ?? [];
        var channel = Text(data, "channel");
        var (kind, title, text) = e.Type switch
        {
            SmartnumbersEventTypes.SiteDown => (NotificationKinds.SiteDown, $"Site {SiteName(data)} is down",
                $"{Text(data, "detail")}" + (Text(data, "failoverPlan") is { Length: > 0 } plan ? $"\nFailover plan: {plan}." : "")),
            SmartnumbersEventTypes.SiteRestored => (NotificationKinds.SiteUp, $"Site {SiteName(data)} is back up",
                $"{Text(data, "detail")}" + (Text(data, "note") is { Length: > 0 } note ? $"\n{note}" : "")),
            SmartnumbersEventTypes.DialPlanActivated when channel == "health" && Text(data, "cause") == PlanChangedData.Failback => (NotificationKinds.Failback,
                $"Failback: plan {Text(data, "plan")} restored",
                $"Site {Text(data, "who")} is back up: the health probes restored dial plan {Text(data, "plan")}, active before the outage."),
            SmartnumbersEventTypes.DialPlanActivated when channel == "health" => (NotificationKinds.Failover,
                $"Failover: plan {Text(data, "plan")} activated", $"Site {Text(data, "who")} is down: the health probes activated dial plan {Text(data, "plan")}."),
            SmartnumbersEventTypes.DialPlanDeactivated when channel == "health" => (NotificationKinds.Failback,
                "Failback: normal routing restored",
                $"Site {Text(data, "who")} is back up: the health probes deactivated dial plan {Text(data, "plan")} and restored normal routing."),
            SmartnumbersEventTypes.OverrideSet when channel == "ivr" => (NotificationKinds.OverrideSetByIvr,
                $"Override set on {Text(data, "number")} by the dial-in line",
                $"{Text(data, "who")} diverted {Text(data, "number")} to {string.Join(", ", (data["destinations"] as JsonArray ?? []).Select(d => d?.ToString()))}"
                + (Text(data, "expiresAt") is { Length: > 0 } until ? $" until {until}." : ".")),
            _ => (null, "", ""),
        };
        return kind is null ? null : new Notification("event:" + e.Id, e.AccountId, kind, e.Time, title, text.Trim(), e.DataJson);
    }

    private static string SiteName(JsonObject data) => Text(data, "name") is { Length: > 0 } name ? name : Text(data, "site");

    private static string Text(JsonObject data, string name) => data[name]?.ToString() ?? "";
}
