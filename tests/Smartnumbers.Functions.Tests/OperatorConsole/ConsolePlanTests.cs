using System.Net;
using Microsoft.Playwright;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Twilio;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>Dial plans from the browser: activation in a click, then real calls follow the plan and show in the log.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsolePlanTests(ConsoleFixture fixture)
{
    private const string PlanDestination = "+442079460000";

    [Fact]
    public async Task An_operator_activates_a_plan_in_a_click_and_the_next_call_follows_it_and_shows_in_the_log_with_its_score()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PutAsync("/plans/leeds-closed",
            $$"""{"name":"Leeds closed","entries":[{"number":"{{account.Number}}","route":{{AdminTestClient.Route(PlanDestination)}}}]}"""));
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PostAsync("/plans/leeds-closed:load", """{"slot":2}"""));
        var key = await account.Admin.KeyAsync("operator");

        var before = await account.CallAsync(TwilioCalls.GenuineCaller, TwilioWebhook.NewCallSid());
        Assert.Equal(ConsoleAccount.NormalDestination, before.Descendants("Number").First().Value.Trim());

        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, key, "operator");
        await ConsoleBrowser.GoAsync(page, "Dial plans");
        await Expect(page.Locator("#active-plan")).ToContainTextAsync("None");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate Leeds closed" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Activate \"Leeds closed\" (slot 2): calls to its 1 numbers follow this plan instead of their normal routes.");
        await ConsoleBrowser.ScreenshotAsync(page, "plans-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();

        await Expect(page.Locator("#active-plan")).ToContainTextAsync("Leeds closed (leeds-closed), slot 2");
        await Expect(page.Locator("#activated-by")).ToContainTextAsync("Activated by ");
        await Expect(page.Locator("#activated-by")).ToContainTextAsync("(operator, api)");
        await ConsoleBrowser.ScreenshotAsync(page, "plans");

        // The snapshot of this instance is refreshed at once (other instances pick the change up within seconds).
        await account.RefreshSnapshotAsync();
        var sid = TwilioWebhook.NewCallSid();
        var twiml = await account.CallAsync(TwilioCalls.GenuineCaller, sid);
        Assert.Equal(PlanDestination, twiml.Descendants("Number").First().Value.Trim());
        var record = await CallRecords.Poll.UntilAsync(() => account.Store.GetAsync(account.Account, sid, CancellationToken.None), r => r is not null);
        Assert.Equal("plan", record!.Decision!.Source);

        await ConsoleBrowser.GoAsync(page, "Calls");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = sid[..10] });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".score")).ToHaveTextAsync(record.Risk!.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync("connected");
        await ConsoleBrowser.ScreenshotAsync(page, "calls");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Call " + sid })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Call DNA attributes" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Label fraud" }).ClickAsync();
        await Expect(page.Locator("#call-label")).ToHaveTextAsync("Label: fraud");
        Assert.Equal("fraud", (await account.Store.GetAsync(account.Account, sid, CancellationToken.None))!.Label);
        await ConsoleBrowser.ScreenshotAsync(page, "call");
        await ConsoleBrowser.CloseAsync(page);
    }
}
