using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;
using static Smartnumbers.Functions.Tests.Scheduling.ScheduleTestData;

namespace Smartnumbers.Functions.Tests.Scheduling;

/// <summary>A scheduled activation during a health failover: it replaces the failover plan, and failback leaves it.</summary>
[Collection(AppCollection.Name)]
public sealed class ScheduledActivationFailbackTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public async Task A_scheduled_activation_replaces_the_failover_plan_and_automatic_failback_never_undoes_it()
    {
        var admin = await AccountWithPlansAsync(factory);
        var documents = factory.Services.GetRequiredService<ConfigDocuments>();
        await using var pbx = new LocalHttpEndpoint(FreePort.Next(), ctx => Task.CompletedTask);
        await pbx.StartAsync();
        var site = await HealthTestData.PutSiteAsync(documents, admin.Account, "leeds", HealthTestData.Leeds(pbx));
        var round = factory.Services.GetRequiredService<SiteHealthRound>();
        await ScheduleAsync(admin, "weekend", "2027-04-02T17:00:00Z");

        await pbx.StopAsync();
        await round.RunAsync(site, default);
        await round.RunAsync(site, default);
        Assert.Equal("leeds-closed", await ActivePlanAsync(admin));

        await Timer(factory, new FakeTimeProvider(DateTimeOffset.Parse("2027-04-02T17:00:30Z", System.Globalization.CultureInfo.InvariantCulture))).RunAsync();
        Assert.Equal("weekend", await ActivePlanAsync(admin));
        var audit = Assert.Single(await ScheduleAuditAsync(admin));
        Assert.Equal("activated plan weekend, replacing active plan leeds-closed", audit["note"]!.GetValue<string>());

        await pbx.StartAsync();
        await round.RunAsync(site, default);
        await round.RunAsync(site, default);

        Assert.Equal("weekend", await ActivePlanAsync(admin));
        var restored = Assert.Single(await HealthTestData.SiteOutboxAsync(factory, admin.Account), e => e.Type == SmartnumbersEventTypes.SiteRestored);
        Assert.Equal("leftManualChange", JsonDocument.Parse(restored.Data).RootElement.GetProperty("failback").GetString());
    }
}
