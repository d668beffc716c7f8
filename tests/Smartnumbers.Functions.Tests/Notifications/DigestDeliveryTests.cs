using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Tests.Admin;

namespace Smartnumbers.Functions.Tests.Notifications;

[Collection(NotificationCollection.Name)]
public sealed class DigestDeliveryTests(NotificationAppFactory factory)
{
    private static readonly DateTimeOffset Hour = DateTimeOffset.Parse("2027-03-01T09:00:00Z", CultureInfo.InvariantCulture); // GMT = UTC in London

    [Fact]
    public async Task The_hourly_digest_emails_the_blocked_calls_of_the_previous_hour_once()
    {
        var s = await NotificationScenario.CreateAsync(factory, sc => sc.EmailAndWebhook() with { Digest = new() { Interval = DigestIntervals.Hourly } });
        await RecordAsync(s.Account,
            Call("c1", 10, "blocked", "+447700900111"), Call("c2", 20, "blocked", "+447700900111"), Call("c3", 30, "acr", null),
            Call("c4", 40, "icr-premium-rate", "+449090000000", "+441134960002"), Call("c5", 50, "normal", "+447700900111"),
            Call("c6", 70, "blocked", "+447700900111"), // 10:10: the next hour
            Call("c7", 55, "unknown-number", "+447700900222")); // rejected, but not by screening: not in the digest

        await TimerAsync(Hour.AddMinutes(65)).RunAsync(new TimerRun("test", false), default);
        await TimerAsync(Hour.AddMinutes(66)).RunAsync(new TimerRun("test", false), default); // the same period again
        await s.DeliverUntilDoneAsync();

        var email = Assert.Single(s.Emails);
        var text = email.Json!["content"]!["plainText"]!.GetValue<string>();
        Assert.StartsWith("Blocked calls from 2027-03-01 09:00 to 2027-03-01 10:00 (UTC+00:00): 4", text, StringComparison.Ordinal);
        Assert.Contains("By reason:\n  blocked: 2\n  acr: 1\n  icr-premium-rate: 1", text, StringComparison.Ordinal);
        Assert.Contains("By number called:\n  +441134960001: 3\n  +441134960002: 1", text, StringComparison.Ordinal);
        Assert.Contains("Top 10 callers:\n  +447700900111: 2\n  +449090000000: 1\n  withheld: 1", text, StringComparison.Ordinal);
        const string link = "https://smartnumbers.example.test/api/console/#/calls?reason=blocked%2Cacr%2Cicr-%2A&from=2027-03-01T09%3A00%3A00Z&to=2027-03-01T10%3A00%3A00Z";
        Assert.EndsWith("\n\nThese calls in the call log: " + link, text, StringComparison.Ordinal);
        var hook = Assert.Single(s.Hooks);
        Assert.Equal(NotificationKinds.BlockedCallsDigest, hook.Json!["kind"]!.GetValue<string>());
        Assert.Equal(4, hook.Json!["data"]!["total"]!.GetValue<int>());
        Assert.Equal(link, hook.Json!["data"]!["callLog"]!.GetValue<string>());

        // The link's filters, given to the API the console calls, select exactly the digest's four calls.
        var admin = new AdminTestClient(factory.CreateClient(), s.Account);
        var calls = await admin.JsonAsync("/calls" + link[link.IndexOf('?', StringComparison.Ordinal)..]);
        Assert.Equal(["c1", "c2", "c3", "c4"], calls["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()[..2]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_public_base_url_the_digest_has_no_call_log_link()
    {
        var digest = BlockedCallsDigest.Build(Hour, Hour.AddHours(1), [new("blocked", "+441134960001", "+447700900111")]);
        var notification = DigestNotification.For("acct", "Acct", digest, consoleBaseUrl: null);
        Assert.DoesNotContain("call log", notification.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("callLog", notification.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_period_sends_nothing_unless_asked()
    {
        var quiet = await NotificationScenario.CreateAsync(factory, sc => sc.EmailAndWebhook() with { Digest = new() { Interval = DigestIntervals.Hourly } });
        var asked = await NotificationScenario.CreateAsync(factory, sc => sc.EmailAndWebhook() with { Digest = new() { Interval = DigestIntervals.Hourly, SendWhenEmpty = true } });

        await TimerAsync(Hour.AddDays(3).AddMinutes(5)).RunAsync(new TimerRun("test", false), default);
        await asked.DeliverUntilDoneAsync();
        await quiet.Deliverer.DeliverPendingAsync(default);

        Assert.Empty(await quiet.RowsAsync());
        Assert.Empty(quiet.Emails);
        Assert.Contains(": 0", Assert.Single(asked.Emails).Json!["content"]!["plainText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_digest_covers_the_previous_day_in_the_accounts_time_zone_once_its_hour_has_come()
    {
        var s = await NotificationScenario.CreateAsync(factory, sc => sc.EmailAndWebhook() with { Digest = new() { Interval = DigestIntervals.Daily, Hour = 8 } });
        var documents = await Accounts.TestAccounts.DocumentsAsync(factory);
        Assert.Equal(Functions.Accounts.WriteOutcome.Done, (await documents.PutAccountAsync(s.Account,
            new Core.Configuration.AccountSettings { Name = "Kolkata", TimeZone = "Asia/Kolkata" }, null, Accounts.TestAccounts.Actor, default)).Outcome);
        // 1 March in Kolkata (UTC+05:30) is 28 Feb 18:30Z to 1 March 18:30Z; Hour is 1 March 09:00Z.
        await RecordAsync(s.Account,
            Call("d1", -900, "blocked", "+447700900111"), // 23:30 on 28 Feb, local: the day before
            Call("d2", -860, "blocked", "+447700900111"), // 00:10 on 1 March, local
            Call("d3", 0, "acr", null),
            Call("d4", 565, "blocked", "+447700900222"), // 23:55 on 1 March, local
            Call("d5", 575, "blocked", "+447700900111")); // 00:05 on 2 March, local: the day after

        await TimerAsync(DateTimeOffset.Parse("2027-03-02T02:25:00Z", CultureInfo.InvariantCulture)).RunAsync(new TimerRun("test", false), default); // 07:55 local
        Assert.Empty(await s.RowsAsync());
        await TimerAsync(DateTimeOffset.Parse("2027-03-02T02:35:00Z", CultureInfo.InvariantCulture)).RunAsync(new TimerRun("test", false), default); // 08:05 local
        await s.DeliverUntilDoneAsync();

        var text = Assert.Single(s.Emails).Json!["content"]!["plainText"]!.GetValue<string>();
        Assert.StartsWith("Blocked calls from 2027-03-01 00:00 to 2027-03-02 00:00 (UTC+05:30): 3", text, StringComparison.Ordinal);
        Assert.Contains("By reason:\n  blocked: 2\n  acr: 1", text, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(s.Hooks).Json!["data"]!["total"]!.GetValue<int>());
    }

    private SendDigestsTimer TimerAsync(DateTimeOffset now) =>
        ActivatorUtilities.CreateInstance<SendDigestsTimer>(factory.Services, new FakeTimeProvider(now));

    private Task RecordAsync(string account, params Func<string, CallRecord>[] calls) =>
        factory.Services.GetRequiredService<CallRecordStore>().ApplyStartedAsync([.. calls.Select(c => CallStarted.For(c(account)))], default);

    private static Func<string, CallRecord> Call(string id, int minute, string reason, string? caller, string called = "+441134960001") => account => new CallRecord
    {
        CallId = id + "-" + account,
        Carrier = "twilio",
        AccountId = account,
        CalledNumber = called,
        PresentationNumber = caller,
        Withheld = caller is null,
        StartedAt = Hour.AddMinutes(minute),
        Decision = new CallDecisionSummary { Action = reason == "normal" ? "connect" : "reject", Reason = reason },
    };
}
