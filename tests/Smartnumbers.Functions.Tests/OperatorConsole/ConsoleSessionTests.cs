using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smartnumbers.Functions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>Serving the console, signing in, where the key is kept, and a key revoked mid-session.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleSessionTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Console_pages_carry_a_policy_with_no_inline_script_and_no_framing()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        using var redirect = await http.GetAsync("/api/console");
        Assert.Equal("/api/console/", redirect.RequestMessage!.RequestUri!.AbsolutePath); // followed the redirect

        foreach (var path in new[] { "/api/console/", "/api/console/js/app.js", "/api/console/console.css" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        using var missing = await http.GetAsync("/api/console/js/nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Every page's HTML loads its script from a file: no inline script, no inline handler, nothing from another origin.
        var site = Path.Combine(RepositoryRoot.Path, "functions", "Smartnumbers.Functions", "OperatorConsole", "site");
        foreach (var html in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(html);
            Assert.DoesNotMatch(InlineScript(), text);
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", text);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", text);
        }
    }

    [Fact]
    public async Task Signing_in_shows_the_role_and_keeps_the_key_in_session_storage_only()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        var key = await account.Admin.KeyAsync("operator");
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, key, "operator");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "overview");

        Assert.Contains(key, await page.EvaluateAsync<string>("() => JSON.stringify(sessionStorage)"), StringComparison.Ordinal);
        Assert.Equal("{}", await page.EvaluateAsync<string>("() => JSON.stringify(localStorage)"));
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.DoesNotContain(key, page.Url, StringComparison.Ordinal);

        // A wrong key is refused on the form, with a reason.
        var other = await ConsoleBrowser.OpenAsync(fixture);
        await other.GetByLabel("Account").FillAsync(account.Account);
        await other.GetByLabel("API key").FillAsync(key + "x");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(other.GetByText("That API key is not valid")).ToBeVisibleAsync();
        await ConsoleBrowser.CloseAsync(other);
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task A_key_revoked_mid_session_ends_the_session_with_a_message()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        using var issued = await account.Admin.PostAsync("/keys", """{"role":"viewer","name":"revoked soon"}""");
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, body["key"]!.GetValue<string>(), "viewer");
        // The overview has finished loading: none of its requests can meet the revocation first.
        await Expect(page.Locator("main .loading")).ToHaveCountAsync(0);

        await ConsoleAccount.ExpectAsync(HttpStatusCode.NoContent, account.Admin.DeleteAsync("/keys/" + body["id"]!.GetValue<string>()));
        await page.GetByRole(AriaRole.Link, new() { Name = "Calls" }).ClickAsync();

        await Expect(page.GetByText("Your API key was revoked or has expired")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal("{}", await page.EvaluateAsync<string>("() => JSON.stringify(sessionStorage)"));
        await ConsoleBrowser.CloseAsync(page);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
