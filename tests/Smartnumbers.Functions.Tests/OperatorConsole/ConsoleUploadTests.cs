using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>
/// Bulk uploads in the browser: the dry run shows each row's result, or every error with its row and column, and
/// nothing is stored until the commit; a file over the limit says so; the export downloads; viewers only export.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleUploadTests(ConsoleFixture fixture)
{
    private static async Task ChooseAsync(IPage page, string name, string csv) =>
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

    private static async Task PreviewAsync(IPage page, string name, string csv)
    {
        await ChooseAsync(page, name, csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview (dry run)" }).ClickAsync();
    }

    private static ILocator Row(IPage page, string table, int row) =>
        page.GetByRole(AriaRole.Table, new() { Name = table }).GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator($"td[data-label=Row]:text-is('{row}')") });

    private static async Task<string?> NoteAsync(ConsoleAccount account, string path) =>
        (await account.Admin.JsonAsync("/lists/" + path))["note"]?.GetValue<string>();

    [Fact]
    public async Task An_operator_previews_a_list_upload_row_by_row_then_applies_it_and_sees_errors_and_the_size_limit()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.SendAsync(HttpMethod.Post, "/lists:import",
            "kind,entry,note\nblock,+447700900999,Nuisance\nallow,+442079460111,Head office\n", contentType: "text/csv"));
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("operator"), "operator");
        await ConsoleBrowser.GoAsync(page, "Uploads");
        await Expect(page.Locator("#upload-read-only")).ToContainTextAsync("Only an admin key may upload numbers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Block/allow lists" }).ClickAsync();

        await PreviewAsync(page, "lists.csv", "kind,entry,note\nblock,+447700900999,Nuisance\nallow,+442079460111,Head office (London)\nblock,+44909*,Premium rate\n");
        await Expect(page.Locator("#dry-run-summary")).ToHaveTextAsync("Dry run, nothing is stored yet: 1 created, 1 updated, 1 unchanged.");
        const string dryRun = "Dry run: what each row would do";
        await Expect(Row(page, dryRun, 2)).ToContainTextAsync("block/+447700900999unchanged");
        await Expect(Row(page, dryRun, 3)).ToContainTextAsync("allow/+442079460111updated");
        await Expect(Row(page, dryRun, 4)).ToContainTextAsync("block/+44909*created");
        await ConsoleBrowser.ScreenshotAsync(page, "upload-preview");
        Assert.Equal("Head office", await NoteAsync(account, "allow/+442079460111")); // the dry run wrote nothing
        Assert.Single((await account.Admin.JsonAsync("/lists/block"))["items"]!.AsArray());

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply: create 1, update 1" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Block/allow lists imported: 1 created, 1 updated, 1 unchanged.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Applied" })).ToBeVisibleAsync();
        Assert.Equal("Head office (London)", await NoteAsync(account, "allow/+442079460111"));
        Assert.Equal("Premium rate", await NoteAsync(account, "block/+44909*"));

        await PreviewAsync(page, "bad.csv", "kind,entry,note\nblock,+447700900888,fine\nmaybe,+447700900777,x\nblock,not-a-number,y\n");
        await Expect(page.Locator("#upload-preview .problem")).ToContainTextAsync("The CSV has errors; nothing was imported.");
        await Expect(Row(page, "Row errors", 3)).ToContainTextAsync("kindmust be block or allow.");
        await Expect(Row(page, "Row errors", 4)).ToContainTextAsync("entry'not-a-number' is not an E.164 number");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Row errors" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // header + 2
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToHaveCountAsync(0);
        await ConsoleBrowser.ScreenshotAsync(page, "upload-errors");

        var rows = new StringBuilder("kind,entry,note\n");
        for (var i = 0; i < 1001; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"block,+4477009{i:D5},\n");
        }

        await PreviewAsync(page, "big.csv", rows.ToString());
        await Expect(page.Locator("#upload-too-large")).ToContainTextAsync("The file is too large: nothing was imported.");
        await Expect(page.Locator("#upload-too-large")).ToContainTextAsync("An upload may hold at most 1000 rows.");
        Assert.Equal(2, (await account.Admin.JsonAsync("/lists/block"))["items"]!.AsArray().Count);

        await PreviewAsync(page, "changes.csv", "kind,entry,note\n" + string.Concat(Enumerable.Range(0, 99).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"block,+4477009{i:D5},\n"))));
        await Expect(page.Locator("#upload-too-large")).ToContainTextAsync("An upload may change at most 98 rows (this one would change 99)");
        await Expect(page.Locator("#upload-too-large")).ToContainTextAsync("Split the file; unchanged rows do not count.");
        Assert.Equal(2, (await account.Admin.JsonAsync("/lists/block"))["items"]!.AsArray().Count);
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task An_admin_downloads_the_numbers_export_and_uploading_it_again_previews_as_unchanged_then_uploads_staff()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("admin"), "admin");
        await ConsoleBrowser.GoAsync(page, "Uploads");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export numbers as CSV" }).ClickAsync());
        var export = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("number,label,route,", export, StringComparison.Ordinal);
        Assert.Contains(account.Number + ",Retail,", export, StringComparison.Ordinal);
        await PreviewAsync(page, "numbers.csv", export);
        await Expect(page.Locator("#dry-run-summary")).ToHaveTextAsync("Dry run, nothing is stored yet: 0 created, 0 updated, 1 unchanged.");
        await Expect(page.GetByText("Nothing to apply: every row is as stored.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Staff" }).ClickAsync();
        await PreviewAsync(page, "staff.csv", $"id,name,role,numbers,pin\n1001,A. Agent,staff,{account.Number},1234\n1002,B. Agent,boss,+447700900001,12\n");
        await Expect(Row(page, "Row errors", 3).First).ToBeVisibleAsync();
        var errors = await Row(page, "Row errors", 3).AllInnerTextsAsync();
        Assert.Contains(errors, e => e.Contains("role", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("pin", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("numbers", StringComparison.Ordinal));

        await PreviewAsync(page, "staff.csv", $"id,name,role,numbers,pin\n1001,A. Agent,staff,{account.Number},1234\n1002,B. Agent,operator,{account.Number},5678\n");
        await Expect(page.Locator("#dry-run-summary")).ToHaveTextAsync("Dry run, nothing is stored yet: 2 created, 0 updated, 0 unchanged.");
        await ConsoleAccount.ExpectAsync(HttpStatusCode.NotFound, account.Admin.GetAsync("/staff/1001"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply: create 2, update 0" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Staff imported: 2 created, 0 updated, 0 unchanged.");
        Assert.Equal("A. Agent", (await account.Admin.JsonAsync("/staff/1001"))["name"]!.GetValue<string>());

        var staff = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export staff as CSV" }).ClickAsync());
        var lines = (await File.ReadAllTextAsync(await staff.PathAsync())).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["id,name,role,numbers", $"1001,A. Agent,staff,{account.Number}", $"1002,B. Agent,operator,{account.Number}"], lines);
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task A_viewer_may_only_export_and_the_api_refuses_a_viewers_upload()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        var key = await account.Admin.KeyAsync("viewer");
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, key, "viewer");
        await ConsoleBrowser.GoAsync(page, "Uploads");
        foreach (var (tab, role) in new[] { ("Numbers", "admin"), ("Block/allow lists", "operator"), ("Staff", "admin") })
        {
            await page.GetByRole(AriaRole.Group, new() { Name = "What to upload" }).GetByRole(AriaRole.Link, new() { Name = tab }).ClickAsync();
            await Expect(page.Locator("#upload-read-only")).ToContainTextAsync($"Only an {role} key may upload");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export" })).ToHaveCountAsync(1);
            await ConsoleBrowser.ExpectOnlyReadControlsAsync(page);
        }

        await ConsoleAccount.ExpectAsync(HttpStatusCode.Forbidden, account.Admin.SendAsync(HttpMethod.Post, "/lists:import", "kind,entry\nblock,+447700900999\n", key, contentType: "text/csv"));
        await ConsoleBrowser.CloseAsync(page);
    }
}
