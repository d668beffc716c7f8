using Smartnumbers.Core.Health;
using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>Turns the machine's events into CloudEvents (stable ids) and audit entries (who and channel "health").</summary>
internal static class SiteHealthNotices
{
    public const string Channel = "health";

    public static (IReadOnlyList<OutboxEvent> Events, IReadOnlyList<HealthAuditEntry> Audit) For(SiteToProbe site, IReadOnlyList<SiteHealthEvent> happened)
    {
        var events = new List<OutboxEvent>();
        var audit = new List<HealthAuditEntry>();
        var subject = $"sites/{site.SiteId}";
        foreach (var e in happened)
        {
            switch (e)
            {
                case SiteWentDown down:
                    events.Add(Event(site, SmartnumbersEventTypes.SiteDown, $"site-down:{site.AccountId}:{site.SiteId}:{down.Transition}", down.At,
                        Data(site, "down", down.Detail, down.FailoverPlan, null, null, null,
                            down.FailoverPlan is null ? null : $"failover plan {down.FailoverPlan} is being activated")));
                    audit.Add(new HealthAuditEntry(down.At, Channel, Channel, "site.down", subject, "up", "down",
                        $"{down.ConsecutiveFailures} failed rounds: {down.Detail}"));
                    break;
                case FailoverActivated failover:
                    audit.Add(new HealthAuditEntry(failover.At, Channel, Channel, "failover.activated", subject,
                        failover.PreviousPlanId ?? "(normal routing)", failover.PlanId, $"site {site.SiteId} is down"));
                    break;
                case SiteRestored up:
                    var note = Note(up);
                    events.Add(Event(site, SmartnumbersEventTypes.SiteRestored, $"site-restored:{site.AccountId}:{site.SiteId}:{up.Transition}", up.At,
                        Data(site, "up", up.Detail, up.FailoverPlan, up.DownSince, Failback(up.Failback), up.RestoredPlanId, note)));
                    audit.Add(new HealthAuditEntry(up.At, Channel, Channel, "site.restored", subject, "down", "up",
                        note is null ? up.Detail : $"{up.Detail}; {note}"));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown site health event {e.GetType().Name}");
            }
        }

        return (events, audit);
    }

    private static string? Note(SiteRestored up) => up.Failback switch
    {
        FailbackOutcome.Restored => $"failover plan {up.FailoverPlan} replaced by {up.RestoredPlanId ?? "normal routing"} as before the outage",
        FailbackOutcome.LeftManualChange => $"the active plan was changed by hand during the outage, so it was left as it is (failover plan was {up.FailoverPlan})",
        _ => null,
    };

    private static string Failback(FailbackOutcome outcome) => outcome switch
    {
        FailbackOutcome.NoFailover => "noFailover",
        FailbackOutcome.Restored => "restored",
        FailbackOutcome.LeftManualChange => "leftManualChange",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static SiteEventData Data(SiteToProbe site, string status, string detail, string? plan, DateTimeOffset? downSince, string? failback, string? restored, string? note) =>
        new(site.SiteId, site.Site.Name, status, detail, site.Site.Destinations, plan, downSince, failback, restored, note);

    private static OutboxEvent Event(SiteToProbe site, string type, string id, DateTimeOffset at, SiteEventData data) =>
        OutboxEvent.Create(id, type, site.AccountId, $"sites/{site.SiteId}", at, data, DeliveryHealthJsonContext.Default.SiteEventData);
}
