using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>The admin API's OpenAPI document and reference page, served by the app and linked from the console.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApiReferenceTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_lists_the_admin_api_and_the_reference_page_renders_it_from_this_origin()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        var document = JsonNode.Parse(await http.GetStringAsync("/api/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/accounts/{account}/plans/{plan}:activate", paths);
        Assert.Contains("/api/accounts/{account}/calls", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/api/twilio", StringComparison.Ordinal)); // the admin API only

        using var reference = await http.GetAsync("/api/openapi/reference");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var policy = string.Join(";", reference.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[^']+'", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);

        // From the console's link, in the browser: nothing from another origin is requested, and the page shows the API.
        var account = await ConsoleAccount.CreateAsync(fixture);
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("viewer"), "viewer");
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.App.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        // Scalar's bundle is a few megabytes of script: give it time to start on a loaded machine.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Smartnumbers admin API" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "/api/accounts/{account} HTTP Method: GET" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(foreign);
        await ConsoleBrowser.ScreenshotAsync(page, "api-reference");
        await ConsoleBrowser.CloseAsync(page);
    }
}
