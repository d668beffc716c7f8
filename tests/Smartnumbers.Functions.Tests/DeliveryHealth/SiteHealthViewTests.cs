using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>GET …/sites/{site} shows the site's state and the latest probe round: when, what it found, how many in a row.</summary>
[Collection(AppCollection.Name)]
public sealed class SiteHealthViewTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public async Task A_site_shows_its_last_probe_result_and_the_failures_in_a_row()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, _) = await TestAccounts.CreateAsync(documents, "+441134960000");
        await using var pbx = new LocalHttpEndpoint(FreePort.Next(), _ => Task.CompletedTask);
        await pbx.StartAsync();
        var site = await HealthTestData.PutSiteAsync(documents, account, "leeds", HealthTestData.Leeds(pbx, failoverPlan: null) with { DownAfter = 3 });
        var admin = new AdminTestClient(factory.CreateClient(), account);

        var never = (await admin.JsonAsync("/sites/leeds"))["health"]!;
        Assert.Equal("up", (string?)never["state"]);
        Assert.Null(never["lastProbeAt"]);

        var round = factory.Services.GetRequiredService<SiteHealthRound>();
        await round.RunAsync(site, default);
        var healthy = (await admin.JsonAsync("/sites/leeds"))["health"]!;
        await pbx.StopAsync();
        await round.RunAsync(site, default);
        await round.RunAsync(site, default);
        var failing = (await admin.JsonAsync("/sites/leeds"))["health"]!;

        Assert.NotNull((string?)healthy["lastProbeAt"]);
        Assert.Equal(1, (int?)healthy["consecutiveSuccesses"]);
        Assert.Equal("up", (string?)failing["state"]); // 2 failed rounds of the 3 that mark it down
        Assert.Equal(2, (int?)failing["consecutiveFailures"]);
        Assert.True(DateTimeOffset.Parse((string)failing["lastProbeAt"]!, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse((string)healthy["lastProbeAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(string.IsNullOrWhiteSpace((string?)failing["lastResult"]));
        Assert.NotEqual((string?)healthy["lastResult"], (string?)failing["lastResult"]);
    }
}
