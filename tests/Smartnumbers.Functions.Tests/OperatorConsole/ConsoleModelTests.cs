using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>The risk model page: the candidate's held-out evaluation beside the live model's, and an admin's roll back.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleModelTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_admin_sees_the_candidates_evaluation_and_rolls_the_live_model_back()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        for (var i = 0; i < 4; i++)
        {
            var call = await account.CallAndRecordAsync("+4479111236" + i.ToString("D2", CultureInfo.InvariantCulture));
            using var label = await account.Admin.PostAsync($"/calls/{call.CallId}/label", i % 2 == 0 ? """{"label":"fraud"}""" : """{"label":"genuine"}""");
            Assert.Equal(HttpStatusCode.OK, label.StatusCode);
        }

        using var first = await account.Admin.PostAsync("/model:refit");
        using var read = await account.Admin.GetAsync("/model");
        using var promote = await account.Admin.PostAsync("/model:promote", """{"force":true}""", ifMatch: read.Headers.ETag!.ToString());
        using var second = await account.Admin.PostAsync("/model:refit");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, promote.StatusCode, second.StatusCode));
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("admin"), "admin");

        await ConsoleBrowser.GoAsync(page, "Risk model");
        await Expect(page.Locator("#live-model")).ToHaveTextAsync("Live: version 1.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Candidate: version 2" })).ToBeVisibleAsync();
        var evaluation = page.GetByRole(AriaRole.Table, new() { Name = "Held-out evaluation (newest labelled calls)" });
        await Expect(evaluation.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // heading, candidate, live
        await Expect(evaluation.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("Live (version 1)");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Live model changes, oldest first" }).GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("promoted");

        await page.GetByLabel("Version to roll back to").SelectOptionAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();

        await Expect(page.Locator("#live-model")).ToHaveTextAsync("Live: version 0 (the default weights).");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Live model changes, oldest first" }).GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("rolled-back");
        Assert.Equal(0, (await account.Admin.JsonAsync("/model"))["liveVersion"]!.GetValue<int>());
        await ConsoleBrowser.CloseAsync(page);
    }
}
