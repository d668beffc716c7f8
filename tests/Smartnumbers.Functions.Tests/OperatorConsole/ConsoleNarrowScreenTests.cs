using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>An operator on a phone during an outage: 375 px wide, and everything reachable from the keyboard.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleNarrowScreenTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task At_375_px_the_pages_fit_and_signing_in_and_navigating_work_from_the_keyboard()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        await account.CallAndRecordAsync(Twilio.TwilioCalls.GenuineCaller);
        var key = await account.Admin.KeyAsync("operator");
        var page = await ConsoleBrowser.OpenAsync(fixture, width: 375, height: 740);

        // The account field has focus; Tab to the key, Enter submits.
        await Expect(page.GetByLabel("Account")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(account.Account);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("API key")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#role")).ToHaveTextAsync("operator");

        foreach (var link in new[] { "Overview", "Calls", "Dial plans", "Schedule", "Numbers", "Uploads", "Charts", "Overrides", "Simulate", "Audit", "Risk model" })
        {
            var target = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
            await target.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = link, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("main .loading")).ToHaveCountAsync(0);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            var widest = await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).slice(-3).map(e => e.outerHTML.slice(0, 120)).join(' | ')");
            Assert.True(overflow <= 0, $"{link} is {overflow} px wider than 375 px: {widest}");
            if (link == "Calls")
            {
                await ConsoleBrowser.ScreenshotAsync(page, "calls-375px");
            }
        }

        // Every form control on the calls page has an accessible name.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Calls", Exact = true }).ClickAsync();
        await Expect(page.Locator("main .loading")).ToHaveCountAsync(0);
        var unnamed = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main input, main select, main button')].filter(e => !(e.labels?.length || e.getAttribute('aria-label') || e.textContent.trim())).length");
        Assert.Equal(0, unnamed);
        await ConsoleBrowser.CloseAsync(page);
    }
}
