using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Decisions;

/// <summary>Property-style: thousands of random, hostile caller inputs; the decider must always answer.</summary>
public sealed class OddCallerDataTests
{
    private static readonly string[] Fragments =
    [
        "", " ", "+", "++44", "4:", "8:acs:", "sip:", "@", "tel:", "client:", "anonymous", "unknown", "00", "0",
        "+44", "+447", "+1", "+800", "+882", "+0", "9999999999999999999999", "07", "0800", "09", "08979",
        "\u0000", "\u202e", "ü", "🙂", ";user=phone", "<sip:x@y>", "\"Bob\" ", "%00", "\n", "-", "(", ")", ".", "*",
        "+447984123456", "+441134960001", "HMRC", "null", "NaN", "1e9", "-1",
    ];

    private static string Garbage(Random r)
    {
        var parts = r.Next(0, 5);
        var s = "";
        for (var i = 0; i < parts; i++)
        {
            s += r.NextDouble() < 0.7 ? Fragments[r.Next(Fragments.Length)] : r.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return s;
    }

    [Fact]
    public void The_decider_never_throws_on_garbage_caller_data()
    {
        var random = new Random(4242);
        var snapshot = Snapshot(
            new NumberConfig
            {
                Route = RouteTo(Agent) with { Rules = [new TimeRule { Days = [1, 2, 3], From = "08:00", To = "18:00", Otherwise = RouteTo(AgentMobile) }] },
                Fraud = new FraudPolicy { Enabled = true, Threshold = 10, HighRiskRoute = RouteTo(FraudDesk) },
            },
            new ScreeningOptions { Icr = ScreeningResponse.Off },
            s => s with { BlockList = new CallerList { Entries = new HashSet<string> { "+4490*", "*", "", "anonymous" } } });
        var outcomes = new HashSet<string>();
        for (var i = 0; i < 3000; i++)
        {
            var hints = new Dictionary<string, string>
            {
                [Pick(random, CallHints.FromCountry, CallHints.StirVerstat, CallHints.CallerName, "SipHeader_X-" + Garbage(random), "sip.x")] = Garbage(random),
                [Pick(random, CallHints.FromKind, CallHints.ForwardedFrom, CallHints.SipSourceIp, Garbage(random) + "k")] = Garbage(random),
            };
            var call = InboundCall.Create(
                Garbage(random), random.NextDouble() < 0.5 ? Carrier.Twilio : Carrier.Acs,
                random.NextDouble() < 0.7 ? Retail : Garbage(random), Garbage(random),
                new DateTimeOffset(random.NextInt64(DateTimeOffset.MinValue.Ticks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.Ticks - TimeSpan.TicksPerDay), TimeSpan.Zero),
                random.NextDouble() < 0.5 ? Garbage(random) : null, random.NextDouble() < 0.1, Garbage(random), hints);
            var history = new CallerHistory
            {
                CallsFromCallerLastHour = random.Next(int.MinValue, int.MaxValue),
                CallsFromCallerLastDay = random.Next(-5, 5),
                PriorFraudLabels = random.Next(int.MinValue, int.MaxValue),
                PriorGenuineLabels = random.Next(-3, 3),
                DistinctNumbersCalledToday = random.Next(int.MinValue, int.MaxValue),
                WithheldCallsToNumberLastHour = random.Next(int.MinValue, int.MaxValue),
            };

            var decision = CallDecider.Default.Simulate(snapshot, call, history, random.NextDouble() < 0.5);

            Assert.InRange(decision.Risk.Score, 0, 100);
            Assert.All(decision.Risk.Attributes, a => Assert.True(double.IsFinite(a.Value), a.Key));
            Assert.True(decision.Action == DecisionAction.Reject || decision.Steps.Count > 0);
            outcomes.Add(decision.Reason);
        }
        Assert.True(outcomes.Count >= 3, string.Join(", ", outcomes));
    }

    private static string Pick(Random r, params string[] options) => options[r.Next(options.Length)];
}
