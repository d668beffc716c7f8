using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core;
using Smartnumbers.Core.Health;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.DeliveryHealth.Failover;
using Smartnumbers.Functions.DeliveryHealth.Probes;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

[Collection(AppCollection.Name)]
public sealed class FailoverTests(SmartnumbersAppFactory factory)
{
    private SiteHealthRound Round => factory.Services.GetRequiredService<SiteHealthRound>();

    private IRoutingControl Routing => factory.Services.GetRequiredService<IRoutingControl>();

    private static readonly AuditActor ByHand = new("operator", "admin", AuditActor.Api);

    private async Task ActivateByHandAsync(string account, string plan)
    {
        var (state, _) = await Routing.GetPlanStateAsync(account);
        if (!state.LoadedSlots.Values.Contains(plan))
        {
            Assert.True((await Routing.LoadPlanAsync(account, plan, null, ByHand)).Succeeded);
        }

        Assert.True((await Routing.ActivatePlanAsync(account, plan, ByHand)).Succeeded);
    }

    private sealed record Setup(string Account, string Number, SiteToProbe Site, LocalHttpEndpoint Pbx);

    /// <summary>An account whose number normally rings the Leeds site; Leeds is probed by HTTP; plan "weekend" active.</summary>
    private async Task<Setup> CreateAsync(string? failoverPlan = "leeds-closed", int upAfter = 2)
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents, "+441134960000");
        await HealthTestData.PutPlanAsync(documents, account, "leeds-closed", number, "+442079460000");
        await HealthTestData.PutPlanAsync(documents, account, "weekend", number, "+441134960999");
        await ActivateByHandAsync(account, "weekend");
        var pbx = new LocalHttpEndpoint(FreePort.Next(), ctx => Task.CompletedTask);
        await pbx.StartAsync();
        var site = await HealthTestData.PutSiteAsync(documents, account, "leeds", HealthTestData.Leeds(pbx, failoverPlan, upAfter));
        return new Setup(account, number, site, pbx);
    }

    private async Task<AccountSnapshot> SnapshotAsync(string account)
    {
        var snapshots = factory.Services.GetRequiredService<ISnapshotProvider>();
        await snapshots.RefreshAsync(account);
        return (await snapshots.GetAsync(account))!;
    }

    private async Task RoundsAsync(Setup s, int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Round.RunAsync(s.Site, default);
        }
    }

    [Fact]
    public async Task Site_going_down_activates_its_failover_plan_skips_its_destinations_and_recovery_restores_the_plan_before()
    {
        var s = await CreateAsync();
        await using var _ = s.Pbx;
        await RoundsAsync(s, 2);
        Assert.Empty((await SnapshotAsync(s.Account)).DownSites);

        await s.Pbx.StopAsync();
        await RoundsAsync(s, 1);
        Assert.Empty((await SnapshotAsync(s.Account)).DownSites);
        await RoundsAsync(s, 1);

        var during = await SnapshotAsync(s.Account);
        Assert.Contains("leeds", during.DownSites);
        Assert.Equal("leeds-closed", during.PlanState.ActivePlanId);
        var down = Assert.Single(await HealthTestData.SiteOutboxAsync(factory, s.Account), e => e.Type == SmartnumbersEventTypes.SiteDown);
        Assert.Equal($"site-down:{s.Account}:leeds:1", down.Id);
        Assert.Equal("leeds-closed", JsonDocument.Parse(down.Data).RootElement.GetProperty("failoverPlan").GetString());
        Assert.Contains(await HealthTestData.RoutingOutboxAsync(factory, s.Account),
            e => e.Type == SmartnumbersEventTypes.DialPlanActivated && e.Data.Contains("\"channel\":\"health\"", StringComparison.Ordinal));

        await s.Pbx.StartAsync();
        await RoundsAsync(s, 2);

        var after = await SnapshotAsync(s.Account);
        Assert.Empty(after.DownSites);
        Assert.Equal("weekend", after.PlanState.ActivePlanId);
        var restored = Assert.Single(await HealthTestData.SiteOutboxAsync(factory, s.Account), e => e.Type == SmartnumbersEventTypes.SiteRestored);
        var data = JsonDocument.Parse(restored.Data).RootElement;
        Assert.Equal("restored", data.GetProperty("failback").GetString());
        Assert.Equal("weekend", data.GetProperty("restoredPlan").GetString());
        var audit = await factory.Services.GetRequiredService<ISiteHealthReader>().AuditAsync(s.Account, 10, default);
        Assert.Equal(["site.restored", "failover.activated", "site.down"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("health", a.Channel));
    }

    /// <summary>A round whose plan switch goes through <see cref="InterruptedPlanSwitch"/>.</summary>
    private SiteHealthRound InterruptedRound(Func<Task> afterActivation) => new(
        factory.Services.GetRequiredService<SiteHealthStore>(),
        factory.Services.GetRequiredService<ProbeRunner>(),
        factory.Services.GetRequiredService<IDestinationOutcomes>(),
        new InterruptedPlanSwitch(factory.Services.GetRequiredService<IDialPlanSwitch>(), afterActivation),
        factory.Services.GetRequiredService<SiteStateMirror>(),
        factory.Services.GetRequiredService<IOptions<DeliveryHealthOptions>>(),
        factory.Services.GetRequiredService<TimeProvider>(),
        factory.Services.GetRequiredService<ILogger<SiteHealthRound>>());

    [Theory]
    [InlineData("another instance wrote the state row")]
    [InlineData("the activation's answer was lost")]
    public async Task Failback_restores_the_plan_before_the_outage_even_when_the_round_that_activated_the_failover_could_not_record_it(string interruption)
    {
        var s = await CreateAsync();
        await using var _ = s.Pbx;
        var store = factory.Services.GetRequiredService<SiteHealthStore>();
        var round = InterruptedRound(async () =>
        {
            if (interruption.StartsWith("another", StringComparison.Ordinal))
            {
                var (state, etag) = await store.ReadAsync(s.Account, "leeds", default);
                Assert.NotNull(await store.TryCommitAsync(s.Account, "leeds", state, etag, [], [], default));
            }
            else
            {
                throw new RequestFailedException(503, "the activation's answer was lost");
            }
        });
        await s.Pbx.StopAsync();
        await round.RunAsync(s.Site, default);
        await round.RunAsync(s.Site, default);
        Assert.Equal("leeds-closed", (await SnapshotAsync(s.Account)).PlanState.ActivePlanId);

        await RoundsAsync(s, 1);
        await s.Pbx.StartAsync();
        await RoundsAsync(s, 2);

        var after = await SnapshotAsync(s.Account);
        Assert.Empty(after.DownSites);
        Assert.Equal("weekend", after.PlanState.ActivePlanId);
        var restored = Assert.Single(await HealthTestData.SiteOutboxAsync(factory, s.Account), e => e.Type == SmartnumbersEventTypes.SiteRestored);
        var data = JsonDocument.Parse(restored.Data).RootElement;
        Assert.Equal("restored", data.GetProperty("failback").GetString());
        Assert.Equal("weekend", data.GetProperty("restoredPlan").GetString());
        var audit = await factory.Services.GetRequiredService<ISiteHealthReader>().AuditAsync(s.Account, 10, default);
        var activated = Assert.Single(audit, a => a.Action == "failover.activated");
        Assert.Equal("weekend", activated.Before);
    }

    [Fact]
    public async Task A_site_back_up_before_its_unrecorded_failover_was_recorded_still_hands_the_plan_back()
    {
        var s = await CreateAsync(upAfter: 1);
        await using var _ = s.Pbx;
        var round = InterruptedRound(() => throw new RequestFailedException(503, "the activation's answer was lost"));
        await s.Pbx.StopAsync();
        await round.RunAsync(s.Site, default);
        await round.RunAsync(s.Site, default);
        Assert.Equal("leeds-closed", (await SnapshotAsync(s.Account)).PlanState.ActivePlanId);

        await s.Pbx.StartAsync();
        await RoundsAsync(s, 1);

        Assert.Equal("weekend", (await SnapshotAsync(s.Account)).PlanState.ActivePlanId);
        var restored = Assert.Single(await HealthTestData.SiteOutboxAsync(factory, s.Account), e => e.Type == SmartnumbersEventTypes.SiteRestored);
        Assert.Equal("weekend", JsonDocument.Parse(restored.Data).RootElement.GetProperty("restoredPlan").GetString());
    }

    [Fact]
    public async Task A_failover_plan_already_active_when_the_site_goes_down_is_taken_over_and_recovery_returns_to_normal_routing()
    {
        var s = await CreateAsync();
        await using var _ = s.Pbx;
        await ActivateByHandAsync(s.Account, "leeds-closed");
        await s.Pbx.StopAsync();
        await RoundsAsync(s, 2);

        var audit = await factory.Services.GetRequiredService<ISiteHealthReader>().AuditAsync(s.Account, 10, default);
        Assert.Equal("(normal routing)", Assert.Single(audit, a => a.Action == "failover.activated").Before);

        await s.Pbx.StartAsync();
        await RoundsAsync(s, 2);

        Assert.Null((await SnapshotAsync(s.Account)).PlanState.ActivePlanId);
        var restored = Assert.Single(await HealthTestData.SiteOutboxAsync(factory, s.Account), e => e.Type == SmartnumbersEventTypes.SiteRestored);
        Assert.Equal("restored", JsonDocument.Parse(restored.Data).RootElement.GetProperty("failback").GetString());
    }

    [Fact]
    public async Task A_plan_changed_by_hand_during_the_outage_is_left_active_and_the_event_says_so()
    {
        var s = await CreateAsync();
        await using var _ = s.Pbx;
        await s.Pbx.StopAsync();
        await RoundsAsync(s, 2);
        Assert.Equal("leeds-closed", (await SnapshotAsync(s.Account)).PlanState.ActivePlanId);

        await ActivateByHandAsync(s.Account, "weekend");
        await ActivateByHandAsync(s.Account, "leeds-closed");

        await s.Pbx.StartAsync();
        await RoundsAsync(s, 2);

        var after = await SnapshotAsync(s.Account);
        Assert.Empty(after.DownSites);
        Assert.Equal("leeds-closed", after.PlanState.ActivePlanId);
        var restored = Assert.Single(await HealthTestData.SiteOutboxAsync(factory, s.Account), e => e.Type == SmartnumbersEventTypes.SiteRestored);
        var data = JsonDocument.Parse(restored.Data).RootElement;
        Assert.Equal("leftManualChange", data.GetProperty("failback").GetString());
        Assert.Contains("changed by hand", data.GetProperty("note").GetString(), StringComparison.Ordinal);
        var audit = await factory.Services.GetRequiredService<ISiteHealthReader>().AuditAsync(s.Account, 1, default);
        Assert.Contains("left as it is", Assert.Single(audit).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_running_the_same_round_record_exactly_one_transition()
    {
        var s = await CreateAsync(failoverPlan: null);
        await using var _ = s.Pbx;
        await s.Pbx.StopAsync();
        await RoundsAsync(s, 1);
        var store = factory.Services.GetRequiredService<SiteHealthStore>();
        var (state, etag) = await store.ReadAsync(s.Account, "leeds", default);
        var failed = await Round.ProbeAsync(s.Site, default);

        var outcomes = await Task.WhenAll(
            Task.Run(() => Round.ApplyAsync(s.Site, state, etag, failed, default)),
            Task.Run(() => Round.ApplyAsync(s.Site, state, etag, failed, default)));

        Assert.Equal(1, outcomes.Count(o => o.Transitioned));
        Assert.Equal(1, outcomes.Count(o => o.Conflict));
        Assert.Single(await HealthTestData.SiteOutboxAsync(factory, s.Account), e => e.Type == SmartnumbersEventTypes.SiteDown);
        var (stored, _) = await store.ReadAsync(s.Account, "leeds", default);
        Assert.Equal(SiteHealthStatus.Down, stored.Status);
        Assert.Equal(1, stored.Transitions);
        Assert.Single(await factory.Services.GetRequiredService<ISiteHealthReader>().AuditAsync(s.Account, 10, default));
    }
}
