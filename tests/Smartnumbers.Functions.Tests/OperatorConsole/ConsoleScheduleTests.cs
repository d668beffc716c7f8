using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Scheduling;
using static Microsoft.Playwright.Assertions;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>
/// The schedule in the browser: past entries say who made them and what became of each half (fired, skipped and why);
/// an operator schedules a switch (a field error first) and cancels it; a viewer sees the schedule without a control.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleScheduleTests(ConsoleFixture fixture)
{
    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:00'Z'", CultureInfo.InvariantCulture);

    /// <summary>How the console shows a local time of the account's zone (Europe/London): "2026-12-30 17:00 (+00:00)".</summary>
    private static string Shown(string day, string time)
    {
        var offset = TimeZoneInfo.FindSystemTimeZoneById("Europe/London").GetUtcOffset(DateTime.Parse(day + "T" + time, CultureInfo.InvariantCulture));
        return $"{day} {time} ({(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }

    /// <summary>An account whose plans leeds-closed and weekend are loaded.</summary>
    private async Task<ConsoleAccount> AccountWithPlansAsync()
    {
        var account = await ConsoleAccount.CreateAsync(fixture);
        foreach (var plan in new[] { "leeds-closed", "weekend" })
        {
            await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PutAsync("/plans/" + plan, AdminTestClient.PlanDoc(account.Number)));
            await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PostAsync($"/plans/{plan}:load", "{}"));
        }

        return account;
    }

    [Fact]
    public async Task Past_entries_show_who_made_them_and_that_the_activation_fired_and_the_deactivation_was_skipped_and_why()
    {
        var account = await AccountWithPlansAsync();
        var now = TimeProvider.System.GetUtcNow();
        var activateAt = now.AddHours(1);
        var entry = await ScheduleTestData.ScheduleAsync(account.Admin, "leeds-closed", Utc(activateAt), Utc(activateAt.AddHours(1)));
        var clock = new FakeTimeProvider(activateAt.AddSeconds(61));
        var timer = ScheduleTestData.Timer(fixture.App, clock);
        await timer.RunAsync();
        Assert.Equal("leeds-closed", await ScheduleTestData.ActivePlanAsync(account.Admin));
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PostAsync("/plans/weekend:activate")); // a person, meanwhile
        clock.Advance(TimeSpan.FromHours(1));
        await timer.RunAsync();
        Assert.Equal("weekend", await ScheduleTestData.ActivePlanAsync(account.Admin));

        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, await account.Admin.KeyAsync("operator"), "operator");
        await ConsoleBrowser.GoAsync(page, "Schedule");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Upcoming" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Nothing is scheduled.")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Past" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "leeds-closed" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td[data-label=Activate] .badge")).ToHaveTextAsync("fired");
        await Expect(row.Locator("td[data-label=Activate]")).ToContainTextAsync("activated plan leeds-closed");
        await Expect(row.Locator("td[data-label=Deactivate] .badge")).ToHaveTextAsync("skipped");
        await Expect(row.Locator("td[data-label=Deactivate]")).ToContainTextAsync("skipped: plan leeds-closed is no longer active (plan weekend is active)");
        await Expect(row.Locator("td[data-label=Note]")).ToHaveTextAsync("office move");
        await Expect(row.Locator(".made-by")).ToContainTextAsync("bootstrap at ");
        var activation = entry["activation"]!["at"]!.GetValue<string>(); // "2026-11-30T06:01:00+00:00": the account's local time
        await Expect(row.Locator("td[data-label=Activate]")).ToContainTextAsync($"{activation[..10]} {activation[11..16]} ({activation[^6..]})");
        await ConsoleBrowser.ScreenshotAsync(page, "schedule-past");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel " }).CountAsync());
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task An_operator_schedules_a_switch_after_a_field_error_and_cancels_it()
    {
        var account = await AccountWithPlansAsync();
        var key = await account.Admin.KeyAsync("operator");
        var keyId = (await account.Admin.JsonAsync("/caller", key))["keyId"]!.GetValue<string>();
        var day = TimeProvider.System.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nextDay = TimeProvider.System.GetUtcNow().AddDays(31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, key, "operator");
        await ConsoleBrowser.GoAsync(page, "Schedule");

        await page.GetByLabel("Plan", new() { Exact = true }).SelectOptionAsync("weekend");
        await page.GetByLabel("Activate at", new() { Exact = true }).FillAsync($"{day}T17:00");
        await page.GetByLabel("Deactivate at (optional)").FillAsync($"{day}T16:00");
        await page.GetByLabel("Note (optional)").FillAsync("Leeds office move");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Deactivate at (optional)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("main .field-error").Filter(new() { HasText = "must be after activateAt." })).ToHaveCountAsync(1);
        Assert.Empty((await account.Admin.JsonAsync("/schedules"))["schedules"]!.AsArray());

        await page.GetByLabel("Deactivate at (optional)").FillAsync($"{nextDay}T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Upcoming" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "weekend" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td[data-label=Activate]")).ToContainTextAsync(Shown(day, "17:00"));
        await Expect(row.Locator("td[data-label=Activate] .badge")).ToHaveTextAsync("pending");
        await Expect(row.Locator("td[data-label=Deactivate]")).ToContainTextAsync(Shown(nextDay, "08:00"));
        await Expect(row.Locator(".made-by")).ToContainTextAsync(keyId + " at ");
        await Expect(row.Locator("td[data-label=Note]")).ToHaveTextAsync("Leeds office move");
        var stored = Assert.Single((await account.Admin.JsonAsync("/schedules"))["schedules"]!.AsArray())!;
        Assert.Equal((keyId, "weekend", "pending"), (stored["createdBy"]!.GetValue<string>(), stored["plan"]!.GetValue<string>(), stored["activation"]!["status"]!.GetValue<string>()));
        await ConsoleBrowser.ScreenshotAsync(page, "schedule");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Cancel weekend at {Shown(day, "17:00")}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Cancel the scheduled activation of weekend ({Shown(day, "17:00")} and {Shown(nextDay, "08:00")})");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel entry" }).ClickAsync();

        var past = page.GetByRole(AriaRole.Table, new() { Name = "Past" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "weekend" });
        await Expect(past.Locator("td[data-label=Activate] .badge")).ToHaveTextAsync("cancelled");
        await Expect(past.Locator("td[data-label=Deactivate] .badge")).ToHaveTextAsync("cancelled");
        await Expect(past.Locator(".made-by")).ToContainTextAsync("cancelled by " + keyId);
        await Expect(page.GetByText("Nothing is scheduled.")).ToBeVisibleAsync();
        var cancelled = Assert.Single((await account.Admin.JsonAsync("/schedules"))["schedules"]!.AsArray())!;
        Assert.Equal("cancelled", cancelled["activation"]!["status"]!.GetValue<string>());
        Assert.Equal(keyId, cancelled["cancelledBy"]!.GetValue<string>());
        await ConsoleBrowser.CloseAsync(page);
    }

    [Fact]
    public async Task A_viewer_sees_upcoming_entries_without_a_control_and_the_api_refuses_the_writes()
    {
        var account = await AccountWithPlansAsync();
        var entry = await ScheduleTestData.ScheduleAsync(account.Admin, "weekend", Utc(TimeProvider.System.GetUtcNow().AddDays(3)));
        var key = await account.Admin.KeyAsync("viewer");
        var page = await ConsoleBrowser.SignInAsync(fixture, account.Account, key, "viewer");
        await ConsoleBrowser.GoAsync(page, "Schedule");

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Upcoming" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "weekend" });
        await Expect(row.Locator("td[data-label=Activate] .badge")).ToHaveTextAsync("pending");
        await Expect(row.Locator("td[data-label=Deactivate]")).ToHaveTextAsync("stays active");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Schedule a plan switch" })).ToHaveCountAsync(0);
        await ConsoleBrowser.ExpectOnlyReadControlsAsync(page);

        var id = entry["id"]!.GetValue<string>();
        await ConsoleAccount.ExpectAsync(HttpStatusCode.Forbidden, account.Admin.PostAsync($"/schedules/{id}:cancel", null, key));
        await ConsoleAccount.ExpectAsync(HttpStatusCode.Forbidden, account.Admin.PostAsync("/schedules", """{"plan":"weekend","activateAt":"2030-01-01T10:00"}""", key));
        await ConsoleBrowser.CloseAsync(page);
    }
}
