using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>
/// The divert-cap notice from signed Twilio voice webhooks through the real call pipeline (risk, divert cap in Azurite,
/// the notice, the outbox, ACS Email): once per number per clock hour, however many high-risk calls meet the cap.
/// </summary>
[Collection(NotificationCollection.Name)]
public sealed class DivertCapPipelineTests(NotificationAppFactory factory)
{
    private const string Desk = "+441134960000";
    private const string FraudDesk = "+441134960099";

    [Fact]
    public async Task Twenty_high_risk_calls_over_a_numbers_hourly_cap_send_one_notice_per_number_and_a_new_hour_one_more()
    {
        var calls = new TwilioCalls(factory);
        var capped = new NumberConfig
        {
            Route = TwilioCalls.Route(([Desk], 20)),
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 1, HighRiskRoute = TwilioCalls.Route(([FraudDesk], 30)) },
        };
        await calls.SetUpAsync(capped);
        var other = TestAccounts.NewNumber();
        Assert.Equal(WriteOutcome.Done, (await (await TestAccounts.DocumentsAsync(factory)).PutNumberAsync(calls.Account, other, capped, null, TestAccounts.Actor, default)).Outcome);
        var s = await NotificationScenario.ForAsync(factory, calls.Account, calls.Number);
        // Five minutes into the next clock hour, so that the first twenty calls share one hour however long they take.
        var now = factory.Clock.GetUtcNow();
        var shift = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerHour)).AddHours(1).AddMinutes(5) - now;
        try
        {
            await ShiftAsync(s, shift);
            var first = await CallAsync(calls, 20, calls.Number);
            Assert.Equal([FraudDesk, .. Enumerable.Repeat(Desk, 19)], first);
            Assert.Equal([FraudDesk, Desk, Desk], await CallAsync(calls, 3, other));
            await factory.Services.GetRequiredService<DivertCapNotices>().Pending;
            Assert.Equal(2, (await s.DeliverUntilDoneAsync()).Count);
            Assert.Equal(2, s.Emails.Count);

            await ShiftAsync(s, shift + TimeSpan.FromHours(1));
            Assert.Equal([FraudDesk, Desk, Desk], await CallAsync(calls, 3, calls.Number));
            await factory.Services.GetRequiredService<DivertCapNotices>().Pending;
            await s.DeliverUntilDoneAsync();
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }

        var subjects = s.Emails.Select(e => e.Json!["content"]!["subject"]!.GetValue<string>()).ToList();
        Assert.Equal(3, subjects.Count);
        Assert.Equal(2, subjects.Count(t => t == $"Divert cap reached on {calls.Number}"));
        Assert.Equal(1, subjects.Count(t => t == $"Divert cap reached on {other}"));
        Assert.Equal(3, s.Hooks.Count);
        Assert.All(s.Hooks, h => Assert.Equal(NotificationKinds.DivertCapReached, h.Json!["kind"]!.GetValue<string>()));
        Assert.Equal(2, s.Hooks.Select(h => h.Json!["data"]!["hourStart"]!.GetValue<DateTimeOffset>()).Distinct().Count());
    }

    /// <summary>Moves the app's clock (and the scenario's deliverer with it) to <paramref name="offset"/> from real time.</summary>
    private async Task ShiftAsync(NotificationScenario s, TimeSpan offset)
    {
        factory.Clock.Offset = offset;
        var now = factory.Clock.GetUtcNow();
        if (now > s.Clock.GetUtcNow())
        {
            s.Clock.SetUtcNow(now);
        }

        await factory.Services.GetRequiredService<ISnapshotProvider>().RefreshAsync(s.Account);
    }

    /// <summary>Places <paramref name="n"/> high-risk calls to <paramref name="number"/>, one after another; answers where each was dialled.</summary>
    private static async Task<List<string>> CallAsync(TwilioCalls calls, int n, string number)
    {
        var dialled = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, to: number);
            dialled.Add(twiml.Element("Dial")!.Element("Number")!.Value.Trim());
        }

        return dialled;
    }
}
