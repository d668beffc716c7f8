using System.Diagnostics.Metrics;
using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// The observable gauges, read when metrics are collected (every 60 s by Azure Monitor), never on the call path:
/// <c>smartnumbers.outbox.pending</c> (rows left by this instance's last publish pass) and
/// <c>smartnumbers.callrecords.backlog</c> (kind: records, counters; state: queued, spilled, dead_lettered).
/// The meter comes from the app's <see cref="IMeterFactory"/>, so the gauges go away with the app.
/// </summary>
internal sealed class SmartnumbersGauges
{
    /// <summary>Creates the gauges of the services registered; each is resolved at its first collection, not at start-up.</summary>
    public SmartnumbersGauges(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(SmartnumbersTelemetry.Name);
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        if (registered.IsService(typeof(OutboxPublisher)))
        {
            var outbox = new Lazy<OutboxPublisher>(services.GetRequiredService<OutboxPublisher>);
            meter.CreateObservableGauge("smartnumbers.outbox.pending", () => outbox.Value.Remaining,
                description: "Outbox rows not yet published to Event Grid after this instance's last publish pass.");
        }

        if (registered.IsService(typeof(CallRecords.CallRecordWriter)))
        {
            var backlog = new Lazy<CallRecords.IWriteBacklog>(services.GetRequiredService<CallRecords.IWriteBacklog>);
            meter.CreateObservableGauge("smartnumbers.callrecords.backlog", () => Observe(backlog.Value),
                description: "Call records and counter rows not yet in Table Storage on this instance (tags: kind, state).");
        }
    }

    private static Measurement<long>[] Observe(CallRecords.IWriteBacklog backlog)
    {
        var (records, counters) = backlog.Snapshot();
        return
        [
            Point(records.Queued, "records", "queued"),
            Point(records.OnDisk, "records", "spilled"),
            Point(records.DeadLettered, "records", "dead_lettered"),
            Point(counters.Pending, "counters", "queued"),
            Point(counters.OnDisk, "counters", "spilled"),
            Point(counters.DeadLettered, "counters", "dead_lettered"),
        ];
    }

    private static Measurement<long> Point(long value, string kind, string state) =>
        new(value, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("state", state));
}
