using Microsoft.Playwright;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>A browser context per test, signed in through the console's own form, as a person would.</summary>
internal static class ConsoleBrowser
{
    /// <summary>Folder the tests save the docs' screenshots to when SMARTNUMBERS_CONSOLE_SCREENSHOTS=1 (docs/console/).</summary>
    public static string? ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("SMARTNUMBERS_CONSOLE_SCREENSHOTS") == "1"
        ? Path.Combine(RepositoryRoot.Path, "docs", "console")
        : null;

    /// <summary>A new browser context at the console, or at <paramref name="url"/> (a link into it).</summary>
    public static async Task<IPage> OpenAsync(ConsoleFixture fixture, int width = 1280, int height = 900, string? url = null)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(url ?? fixture.App.ConsoleUrl);
        return page;
    }

    public static async Task<IPage> SignInAsync(ConsoleFixture fixture, string account, string key, string expectedRole, int width = 1280, string? url = null)
    {
        var page = await OpenAsync(fixture, width, url: url);
        await page.GetByLabel("Account").FillAsync(account);
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#role")).ToHaveTextAsync(expectedRole);
        return page;
    }

    /// <summary>Goes to a page of the console by its navigation link and waits for its heading.</summary>
    public static async Task GoAsync(IPage page, string link)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main .loading")).ToHaveCountAsync(0);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is null)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>No enabled button in the page except reading ones (sign out, paging, filters, downloads, previews).</summary>
    public static async Task ExpectOnlyReadControlsAsync(IPage page)
    {
        var names = await page.Locator("main button:enabled").AllInnerTextsAsync();
        var writes = names.Where(n => !(n.StartsWith("Export", StringComparison.Ordinal) || n is "Apply filters" or "Download CSV" or "Newer" or "Older" or "Show")).ToList();
        Assert.True(writes.Count == 0, "write controls shown to a viewer: " + string.Join(", ", writes));
        Assert.Equal(0, await page.Locator("main input:enabled[type=file]").CountAsync());
    }

    public static async Task CloseAsync(IPage page) => await page.Context.CloseAsync();
}
