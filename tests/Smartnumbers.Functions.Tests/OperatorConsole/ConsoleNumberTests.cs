using System.Net;
using Microsoft.Playwright;
using Smartnumbers.Functions.Tests.Admin;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>Editing numbers in the browser, and what a viewer may not do.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleNumberTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_bad_destination_shows_its_field_error_and_a_conflict_says_changed_by_someone_else()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("admin"), "admin");
        await ConsoleBrowser.GoAsync(page, "Numbers");
        await page.GetByRole(AriaRole.Link, new() { Name = account.Number }).ClickAsync();

        var destinations = page.GetByLabel("Step 1 destinations");
        await destinations.FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(destinations).ToHaveAttributeAsync("aria-invalid", "true");
        var error = page.Locator($"#{await destinations.GetAttributeAsync("id")}-error");
        await Expect(error).Not.ToBeEmptyAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "number-error");

        // Fixed, it saves; then someone else changes the number, and this page's next save is refused as a conflict.
        await destinations.FillAsync("+441134960123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(page.GetByText($"{account.Number} saved.")).ToBeVisibleAsync();
        await Expect(destinations).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PutAsync("/numbers/" + account.Number, AdminTestClient.NumberDoc("+441134960999")));
        await page.GetByLabel("Label").FillAsync("Mine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(page.GetByText("This number was changed by someone else")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(page.GetByLabel("Step 1 destinations")).ToHaveValueAsync("+441134960999");
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task A_viewer_sees_no_write_control_and_the_api_refuses_the_write_anyway()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PutAsync("/plans/p1", AdminTestClient.PlanDoc(account.Number)));
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PostAsync("/plans/p1:load", "{}"));
        var call = await account.CallAndRecordAsync(Twilio.TwilioCalls.GenuineCaller);
        var key = await account.Admin.KeyAsync("viewer");
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, key, "viewer");

        await ConsoleBrowser.GoAsync(page, "Dial plans");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "p1" }).First).ToBeVisibleAsync();
        await ConsoleBrowser.ExpectOnlyReadControlsAsync(page);

        await ConsoleBrowser.GoAsync(page, "Overrides");
        await ConsoleBrowser.ExpectOnlyReadControlsAsync(page);

        await ConsoleBrowser.GoAsync(page, "Numbers");
        await page.GetByRole(AriaRole.Link, new() { Name = account.Number }).ClickAsync();
        await Expect(page.GetByText("this view is read-only")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Step 1 destinations")).ToBeDisabledAsync();
        await ConsoleBrowser.ExpectOnlyReadControlsAsync(page);

        await page.GotoAsync($"{fixture.App.ConsoleUrl}#/calls/{call.CallId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Call " + call.CallId })).ToBeVisibleAsync();
        await ConsoleBrowser.ExpectOnlyReadControlsAsync(page);
        await ConsoleBrowser.ScreenshotAsync(page, "viewer-call");

        // The console only hides what the API refuses.
        await ConsoleAccount.ExpectAsync(HttpStatusCode.Forbidden, account.Admin.PostAsync("/plans/p1:activate", null, key));
        await ConsoleAccount.ExpectAsync(HttpStatusCode.Forbidden, account.Admin.PutAsync("/numbers/" + account.Number, AdminTestClient.NumberDoc(), key));
        await ConsoleAccount.ExpectAsync(HttpStatusCode.Forbidden, account.Admin.PostAsync($"/calls/{call.CallId}/label", """{"label":"fraud"}""", key));
        await ConsoleBrowser.CloseAsync(page);
    }
}
