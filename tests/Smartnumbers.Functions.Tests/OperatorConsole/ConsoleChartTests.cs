using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Smartnumbers.Core.Configuration;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>The charts page over known calls: the totals it shows and the chart it draws.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleChartTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_charts_show_the_right_totals_for_known_calls()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        const string blocked = "+447400123999";
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PutAsync("/lists/block/" + Uri.EscapeDataString(blocked), "{}"));
        await account.RefreshSnapshotAsync();
        var records = new[]
        {
            await account.CallAndRecordAsync("+447400123456"),
            await account.CallAndRecordAsync("+33612345678"),
            await account.CallAndRecordAsync(blocked),
        };
        Assert.Equal("reject", records[2].Decision!.Action);
        var highRisk = records.Count(r => r.Risk!.Score >= new FraudPolicy().Threshold || r.Decision!.Source == "fraud"); // no policy: the default threshold

        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("viewer"), "viewer");
        await ConsoleBrowser.GoAsync(page, "Charts");
        var totals = page.GetByRole(AriaRole.Table, new() { Name = "Totals in this range" });
        await Expect(Count(totals, "All calls")).ToHaveTextAsync("3");
        await Expect(Count(totals, "connected")).ToHaveTextAsync("2");
        await Expect(Count(totals, "rejected")).ToHaveTextAsync("1");
        await Expect(Count(totals, "High risk")).ToHaveTextAsync(highRisk.ToString(CultureInfo.InvariantCulture));

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Calls per hour by outcome: 3 calls" });
        await Expect(chart).ToBeVisibleAsync();
        var drawn = await chart.Locator("rect title").AllTextContentsAsync();
        Assert.Equal(3, drawn.Sum(t => int.Parse(t.Split(": ")[1].Split(' ')[0], CultureInfo.InvariantCulture))); // each bar segment's count
        await ConsoleBrowser.ScreenshotAsync(page, "charts");
        await ConsoleBrowser.CloseAsync(page);
    }

    private static ILocator Count(ILocator table, string outcome) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Cell, new() { Name = outcome, Exact = true }) }).Locator(".count");
}
