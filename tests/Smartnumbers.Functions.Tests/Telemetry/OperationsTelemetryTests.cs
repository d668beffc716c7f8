using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>The instruments outside a single call: diverts against the cap, probes, site transitions and the gauges.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OperationsTelemetryTests(TelemetryAppFactory factory)
{
    private TelemetryCapture Telemetry => factory.Telemetry;

    [Fact]
    public async Task Diverts_are_counted_granted_then_cap_reached()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig
        {
            Route = TwilioCalls.Route((["+441134960000"], 20)),
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 1, HighRiskRoute = TwilioCalls.Route((["+441134960099"], 30)) },
        });
        var grantedBefore = MetricReadings.Value(Telemetry, "smartnumbers.diverts", ("outcome", "granted"));
        var cappedBefore = MetricReadings.Value(Telemetry, "smartnumbers.diverts", ("outcome", "cap_reached"));

        await calls.CallAsync(TwilioCalls.GenuineCaller);
        await calls.CallAsync("+447911123457");

        Assert.Equal(grantedBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.diverts", ("outcome", "granted")));
        Assert.Equal(cappedBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.diverts", ("outcome", "cap_reached")));
    }

    [Fact]
    public async Task Probe_results_and_a_site_going_down_are_counted()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, _) = await TestAccounts.CreateAsync(documents, "+441134960000");
        await using var pbx = new LocalHttpEndpoint(FreePort.Next(), _ => Task.CompletedTask);
        await pbx.StartAsync();
        var site = await HealthTestData.PutSiteAsync(documents, account, "leeds", HealthTestData.Leeds(pbx, failoverPlan: null));
        var round = factory.Services.GetRequiredService<SiteHealthRound>();
        var healthyBefore = MetricReadings.Value(Telemetry, "smartnumbers.probe.results", ("kind", "http"), ("healthy", "true"));
        var failedBefore = MetricReadings.Value(Telemetry, "smartnumbers.probe.results", ("kind", "http"), ("healthy", "false"));
        var downBefore = MetricReadings.Value(Telemetry, "smartnumbers.site.transitions", ("to", "down"));

        await round.RunAsync(site, default);
        await pbx.StopAsync();
        await round.RunAsync(site, default);
        Assert.Equal(downBefore, MetricReadings.Value(Telemetry, "smartnumbers.site.transitions", ("to", "down")));
        await round.RunAsync(site, default);

        Assert.Equal(healthyBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.probe.results", ("kind", "http"), ("healthy", "true")));
        Assert.Equal(failedBefore + 2, MetricReadings.Value(Telemetry, "smartnumbers.probe.results", ("kind", "http"), ("healthy", "false")));
        Assert.Equal(downBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.site.transitions", ("to", "down")));
    }

    [Fact]
    public async Task The_backlog_gauge_reports_what_health_reports_and_the_outbox_gauge_what_the_last_pass_left()
    {
        _ = await TestAccounts.DocumentsAsync(factory); // Tables created.
        var backlog = factory.Services.GetRequiredService<IWriteBacklog>();
        var publisher = factory.Services.GetRequiredService<OutboxPublisher>();
        var account = SmartnumbersAppFactory.NewAccountId("gauge");
        await factory.Services.GetRequiredService<IEventOutbox>().EnqueueAsync(
            [new OutboxEvent("gauge-test:" + account, "smartnumbers.test", account, "/accounts/" + account, DateTimeOffset.UnixEpoch, "{}")], default);
        await publisher.PublishPendingAsync(default); // No Event Grid in tests: what is pending stays pending.

        var gauge = MetricReadings.Latest(Telemetry, "smartnumbers.callrecords.backlog");
        var outbox = MetricReadings.Latest(Telemetry, "smartnumbers.outbox.pending");

        Assert.NotNull(gauge);
        var points = new Dictionary<(string, string), long>();
        foreach (var point in gauge.MetricPoints)
        {
            var tags = MetricReadings.Tags(point);
            points[(tags["kind"], tags["state"])] = point.GetGaugeLastValueLong();
        }

        var (records, counters) = backlog.Snapshot();
        Assert.Equal(6, points.Count);
        Assert.Equal(records.DeadLettered, points[("records", "dead_lettered")]);
        Assert.Equal(records.OnDisk, points[("records", "spilled")]);
        Assert.Equal(counters.DeadLettered, points[("counters", "dead_lettered")]);
        Assert.Equal(counters.OnDisk, points[("counters", "spilled")]);
        Assert.True(points.ContainsKey(("records", "queued")) && points.ContainsKey(("counters", "queued")));
        Assert.NotNull(outbox);
        Assert.True(publisher.Remaining >= 1);
        Assert.Equal(publisher.Remaining, MetricReadings.Value(Telemetry, "smartnumbers.outbox.pending"));
    }
}
