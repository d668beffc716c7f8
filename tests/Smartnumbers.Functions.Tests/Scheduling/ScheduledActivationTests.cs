using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;
using static Smartnumbers.Functions.Tests.Scheduling.ScheduleTestData;

namespace Smartnumbers.Functions.Tests.Scheduling;

[Collection(AppCollection.Name)]
public sealed class ScheduledActivationTests(SmartnumbersAppFactory factory)
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<(string Id, string Type, string Data)>> PlanEventsAsync(AdminTestClient admin) =>
        [.. (await HealthTestData.RoutingOutboxAsync(factory, admin.Account)).Where(e => e.Type.Contains("DialPlan", StringComparison.Ordinal))];

    [Fact]
    public async Task An_activation_fires_within_the_minute_of_its_time_through_routing_control_with_channel_schedule()
    {
        var admin = await AccountWithPlansAsync(factory);
        var entry = await ScheduleAsync(admin, "leeds-closed", "2027-02-05T17:00:20Z");
        var id = entry["id"]!.GetValue<string>();
        var clock = new FakeTimeProvider(At("2027-02-05T17:00:00Z"));
        var timer = Timer(factory, clock);
        var eventsBefore = (await PlanEventsAsync(admin)).Count;

        await timer.RunAsync();
        Assert.Null(await ActivePlanAsync(admin));

        clock.Advance(TimeSpan.FromMinutes(1));
        await timer.RunAsync();

        Assert.Equal("leeds-closed", await ActivePlanAsync(admin));
        var activated = Assert.Single((await PlanEventsAsync(admin)).Skip(eventsBefore));
        Assert.Equal(SmartnumbersEventTypes.DialPlanActivated, activated.Type);
        var data = JsonDocument.Parse(activated.Data).RootElement;
        Assert.Equal("schedule", data.GetProperty("channel").GetString());
        Assert.Equal("schedule/" + id, data.GetProperty("who").GetString());
        var audit = Assert.Single(await ScheduleAuditAsync(admin));
        Assert.Equal("activate", audit["action"]!.GetValue<string>());
        Assert.Equal("activated plan leeds-closed", audit["note"]!.GetValue<string>());
        var stored = await admin.JsonAsync("/schedules/" + id);
        Assert.Equal("fired", stored["activation"]!["status"]!.GetValue<string>());
        Assert.Equal("office move", stored["note"]!.GetValue<string>());
        Assert.Equal("bootstrap", stored["createdBy"]!.GetValue<string>());

        clock.Advance(TimeSpan.FromMinutes(1));
        await timer.RunAsync();
        Assert.Single(await ScheduleAuditAsync(admin));
    }

    [Fact]
    public async Task Two_instances_running_the_timer_at_once_fire_each_entry_exactly_once()
    {
        await using var second = new SmartnumbersAppFactory();
        var accounts = new List<AdminTestClient>();
        for (var i = 0; i < 6; i++)
        {
            var admin = await AccountWithPlansAsync(factory);
            await ScheduleAsync(admin, "leeds-closed", "2027-02-12T17:00:00Z", "2027-02-15T08:00:00Z");
            accounts.Add(admin);
        }

        _ = second.Server;
        var first = Timer(factory, new FakeTimeProvider(At("2027-02-12T17:00:05Z")));
        var other = Timer(second, new FakeTimeProvider(At("2027-02-12T17:00:05Z")));

        for (var round = 0; round < 2; round++)
        {
            var runs = await Task.WhenAll(Task.Run(first.RunAsync), Task.Run(other.RunAsync));
            Assert.All(runs, r => Assert.DoesNotContain("failed", r[0], StringComparison.Ordinal));
        }

        foreach (var admin in accounts)
        {
            Assert.Equal("leeds-closed", await ActivePlanAsync(admin));
            Assert.Single(await PlanEventsAsync(admin), e => e.Type == SmartnumbersEventTypes.DialPlanActivated);
            Assert.Single(await ScheduleAuditAsync(admin));
        }

        var later = Timer(second, new FakeTimeProvider(At("2027-02-15T08:00:30Z")));
        var again = Timer(factory, new FakeTimeProvider(At("2027-02-15T08:00:30Z")));
        await Task.WhenAll(Task.Run(later.RunAsync), Task.Run(again.RunAsync));
        foreach (var admin in accounts)
        {
            Assert.Null(await ActivePlanAsync(admin));
            Assert.Single(await PlanEventsAsync(admin), e => e.Type == SmartnumbersEventTypes.DialPlanDeactivated);
            Assert.Equal(2, (await ScheduleAuditAsync(admin)).Count);
        }
    }

    [Fact]
    public async Task A_deactivation_is_skipped_and_audited_when_another_plan_is_active_by_then()
    {
        var admin = await AccountWithPlansAsync(factory);
        var id = (await ScheduleAsync(admin, "leeds-closed", "2027-02-19T17:00:00Z", "2027-02-22T08:00:00Z"))["id"]!.GetValue<string>();
        await Timer(factory, new FakeTimeProvider(At("2027-02-19T17:00:30Z"))).RunAsync();
        Assert.Equal("leeds-closed", await ActivePlanAsync(admin));

        using (var byHand = await admin.PostAsync("/plans/weekend:activate"))
        {
            Assert.Equal(HttpStatusCode.OK, byHand.StatusCode);
        }

        await Timer(factory, new FakeTimeProvider(At("2027-02-22T08:00:30Z"))).RunAsync();

        Assert.Equal("weekend", await ActivePlanAsync(admin));
        Assert.DoesNotContain(await PlanEventsAsync(admin), e => e.Type == SmartnumbersEventTypes.DialPlanDeactivated);
        var skipped = (await ScheduleAuditAsync(admin))[0];
        Assert.Equal("deactivate skipped", skipped["action"]!.GetValue<string>());
        Assert.StartsWith("skipped: plan leeds-closed is no longer active", skipped["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await admin.JsonAsync("/schedules/" + id);
        Assert.Equal("skipped", stored["deactivation"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2027-03-26T17:00", "2027-03-29T08:00", "2027-03-26T16:59:30Z", "2027-03-26T17:00:30Z", "2027-03-29T06:59:30Z", "2027-03-29T07:00:30Z")]
    [InlineData("2027-10-29T17:00", "2027-11-01T08:00", "2027-10-29T15:59:30Z", "2027-10-29T16:00:30Z", "2027-11-01T07:59:30Z", "2027-11-01T08:00:30Z")]
    public async Task Local_times_follow_the_accounts_clock_across_a_DST_change(
        string friday, string monday, string beforeOn, string afterOn, string beforeOff, string afterOff)
    {
        var admin = await AccountWithPlansAsync(factory);
        var entry = await ScheduleAsync(admin, "leeds-closed", friday, monday);
        Assert.Equal(At(afterOn).AddSeconds(-30), At(entry["activation"]!["at"]!.GetValue<string>()));

        await Timer(factory, new FakeTimeProvider(At(beforeOn))).RunAsync();
        Assert.Null(await ActivePlanAsync(admin));
        await Timer(factory, new FakeTimeProvider(At(afterOn))).RunAsync();
        Assert.Equal("leeds-closed", await ActivePlanAsync(admin));
        await Timer(factory, new FakeTimeProvider(At(beforeOff))).RunAsync();
        Assert.Equal("leeds-closed", await ActivePlanAsync(admin));
        await Timer(factory, new FakeTimeProvider(At(afterOff))).RunAsync();
        Assert.Null(await ActivePlanAsync(admin));
    }

    [Fact]
    public async Task A_cancelled_entry_never_fires_and_cannot_be_cancelled_twice()
    {
        var admin = await AccountWithPlansAsync(factory);
        var id = (await ScheduleAsync(admin, "leeds-closed", "2027-03-05T17:00:00Z", "2027-03-08T08:00:00Z"))["id"]!.GetValue<string>();
        var operatorKey = await admin.KeyAsync("operator");

        using (var cancel = await admin.PostAsync($"/schedules/{id}:cancel", key: operatorKey))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        await Timer(factory, new FakeTimeProvider(At("2027-03-08T09:00:00Z"))).RunAsync();

        Assert.Null(await ActivePlanAsync(admin));
        Assert.Empty(await PlanEventsAsync(admin));
        Assert.Empty(await ScheduleAuditAsync(admin));
        var stored = await admin.JsonAsync("/schedules/" + id);
        Assert.Equal("cancelled", stored["activation"]!["status"]!.GetValue<string>());
        Assert.Equal("cancelled", stored["deactivation"]!["status"]!.GetValue<string>());
        Assert.Contains(await admin.AuditAsync(), a => a["action"]!.GetValue<string>() == "cancel" && a["resource"]!.GetValue<string>() == "schedules/" + id);
        using var twice = await admin.PostAsync($"/schedules/{id}:cancel");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task A_time_in_the_past_a_deactivation_before_the_activation_or_a_plan_not_loaded_is_refused_naming_each_field()
    {
        var admin = await AccountWithPlansAsync(factory);

        using var past = await admin.PostAsync("/schedules", """{"plan":"stored-only","activateAt":"2020-01-03T17:00:00Z","deactivateAt":"2020-01-02T08:00:00Z"}""");
        using var unknown = await admin.PostAsync("/schedules", """{"plan":"leeds-closed","activateAt":"2027-01-03T17:00:00Z","when":"soon"}""");
        using var viewer = await admin.PostAsync("/schedules", """{"plan":"leeds-closed","activateAt":"2027-01-03T17:00:00Z"}""", await admin.KeyAsync("viewer"));
        using var gap = await admin.PostAsync("/schedules", """{"plan":"leeds-closed","activateAt":"2027-03-28T01:30"}""");

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var errors = (await AdminTestClient.ProblemAsync(past))["errors"]!.AsObject();
        Assert.Equal(["activateAt", "deactivateAt", "plan"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, gap.StatusCode);
        Assert.Contains("does not exist in Europe/London", (await AdminTestClient.ProblemAsync(gap))["errors"]!["activateAt"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await admin.JsonAsync("/schedules"))["schedules"]!.AsArray());
    }
}
