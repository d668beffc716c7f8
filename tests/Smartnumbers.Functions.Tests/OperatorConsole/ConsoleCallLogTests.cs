using Microsoft.Playwright;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Twilio;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>The call log in the browser: CSV download, filters, and attacker-controlled text shown as text.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleCallLogTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_call_dna_csv_downloads_with_the_filtered_calls()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        var first = await account.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        var second = await account.CallAndRecordAsync("+447911654321");
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("viewer"), "viewer");
        await ConsoleBrowser.GoAsync(page, "Calls");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = first.CallId[..10] })).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length); // header + the two calls
        Assert.Contains(lines, l => l.Contains(first.CallId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(second.CallId, StringComparison.Ordinal));

        // A filter narrows both the page and the download.
        await page.GetByLabel("Tag").FillAsync("no-such-tag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByText("No calls match.")).ToBeVisibleAsync();
        var filtered = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Single((await File.ReadAllTextAsync(await filtered.PathAsync())).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task The_blocked_calls_digests_link_opens_the_call_log_filtered_to_the_digests_calls_after_signing_in()
    {
        const string blocked = "+447400123999";
        var account = await ConsoleAccount.CreateAsync(fixture);
        await ConsoleAccount.ExpectAsync(System.Net.HttpStatusCode.OK, account.Admin.PutAsync("/lists/block/" + blocked, "{}"));
        await account.RefreshSnapshotAsync();
        var genuine = await account.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        var rejected = await account.CallAndRecordAsync(blocked);
        Assert.Equal("blocked", rejected.Decision!.Reason);
        var now = TimeProvider.System.GetUtcNow();
        var digest = BlockedCallsDigest.Build(now.AddHours(-1), now.AddHours(1), []);
        var link = DigestNotification.CallLogLink(fixture.App.BaseUrl, digest);
        Assert.DoesNotContain("key", link, StringComparison.OrdinalIgnoreCase);

        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("viewer"), "viewer", url: link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calls", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Reason")).ToHaveValueAsync("blocked,acr,icr-*");
        await Expect(page.GetByLabel("From")).Not.ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = rejected.CallId[..10] })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = genuine.CallId[..10] })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header + the blocked call
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task A_caller_id_and_a_label_carrying_script_are_shown_as_text()
    {
        const string label = "<img src=x onerror=window.__xss=2>";
        var account = await ConsoleAccount.CreateAsync(fixture, $$"""{"label":"{{label}}","route":{{AdminTestClient.Route(ConsoleAccount.NormalDestination)}}}""");
        const string caller = "<script>window.__xss=1</script>";
        var record = await account.CallAndRecordAsync(caller);
        Assert.Equal(caller, record.PresentationNumber);
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("operator"), "operator");

        await ConsoleBrowser.GoAsync(page, "Calls");
        await Expect(page.Locator("main .caller").First).ToHaveTextAsync(caller);
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = record.CallId[..10] }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("dd.caller")).ToHaveTextAsync(caller);

        await ConsoleBrowser.GoAsync(page, "Numbers");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = label })).ToBeVisibleAsync();

        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        await ConsoleBrowser.CloseAsync(page);
    }
}
