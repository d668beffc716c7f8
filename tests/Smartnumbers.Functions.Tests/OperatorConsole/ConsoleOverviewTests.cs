using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>The overview's site health: each site's state, since when, and its last probe round with the result.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleOverviewTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_overview_shows_each_sites_last_probe_and_its_result()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        await using var pbx = new LocalHttpEndpoint(FreePort.Next(), _ => Task.CompletedTask);
        await pbx.StartAsync();
        var documents = fixture.App.Services.GetRequiredService<ConfigDocuments>(); // the app is started: the account was created through it
        var leeds = await HealthTestData.PutSiteAsync(documents, account.Account, "leeds", HealthTestData.Leeds(pbx, failoverPlan: null));
        await HealthTestData.PutSiteAsync(documents, account.Account, "york", new Site { Name = "York", Destinations = ["+441904496000"] });
        await fixture.App.Services.GetRequiredService<SiteHealthRound>().RunAsync(leeds, default);
        var result = (string?)(await account.Admin.JsonAsync("/sites/leeds"))["health"]!["lastResult"];
        Assert.False(string.IsNullOrWhiteSpace(result));
        var key = await account.Admin.KeyAsync("viewer");

        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, key, "viewer");

        var sites = page.GetByRole(AriaRole.Table, new() { Name = "Sites" });
        var probed = sites.GetByRole(AriaRole.Row).Filter(new() { HasText = "Leeds" });
        await Expect(probed).ToContainTextAsync(result!);
        await Expect(probed).Not.ToContainTextAsync("never");
        await Expect(sites.GetByRole(AriaRole.Row).Filter(new() { HasText = "York" })).ToContainTextAsync("never");
        await ConsoleBrowser.CloseAsync(page);
    }
}
