using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Risk;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Risk;

/// <summary>
/// Generates labelled calls with realistic, overlapping patterns: fraud shows spoofing, foreign origin, velocity and
/// withheld bursts more often, but genuine calls show some of them too and some fraud looks clean.
/// Attributes come from the real decider (screening off, so every call is scored).
/// </summary>
internal static class SyntheticCalls
{
    private static readonly string[] UkMobilePrefixes = ["+447400", "+447984", "+447555", "+447812", "+447123"];
    private static readonly string[] Countries = ["FR", "US", "NG", "IN", "PK", "DE"];

    public static List<LabelledCall> Generate(int count, double fraudRate, int seed)
    {
        var random = new Random(seed);
        var snapshot = Snapshot(with: s => s with
        {
            Numbers = new Dictionary<string, NumberConfig>
            {
                [Retail] = new() { Route = RouteTo(Agent) },
                [Cards] = new() { Route = RouteTo(Agent) },
            },
        });
        var calls = new List<LabelledCall>(count);
        for (var i = 0; i < count; i++)
        {
            var fraud = random.NextDouble() < fraudRate;
            var (call, history) = fraud ? Fraud(random) : Genuine(random);
            var assessment = CallDecider.Default.Assess(snapshot, call, history);
            calls.Add(new LabelledCall(assessment.Risk.Attributes, fraud));
        }
        return calls;
    }

    private static string UkMobile(Random r) => UkMobilePrefixes[r.Next(UkMobilePrefixes.Length)] + r.Next(100000, 999999);

    private static DateTimeOffset At(Random r, bool night) =>
        MondayNoon.Date.AddDays(r.Next(0, 7)).AddHours(night ? r.Next(0, 6) : r.Next(8, 20)).AddMinutes(r.Next(60));

    private static (InboundCall, CallerHistory) Genuine(Random r)
    {
        var hints = new Dictionary<string, string>();
        string? from = r.NextDouble() switch
        {
            < 0.55 => UkMobile(r),
            < 0.80 => "+44161" + r.Next(1000000, 9999999),
            < 0.88 => "+3314" + r.Next(1000000, 9999999),
            < 0.94 => "anonymous",
            < 0.97 => "+4456" + r.Next(10000000, 99999999),
            _ => "+44203" + r.Next(1000000, 9999999),
        };
        if (r.NextDouble() < 0.3)
        {
            hints[CallHints.FromCountry] = from!.StartsWith("+33", StringComparison.Ordinal) ? "FR" : r.NextDouble() < 0.05 ? "ES" : "GB";
        }
        var history = new CallerHistory
        {
            CallsFromCallerLastHour = r.NextDouble() < 0.1 ? r.Next(1, 4) : 0,
            CallsFromCallerLastDay = r.Next(0, 4),
            DistinctNumbersCalledToday = r.NextDouble() < 0.1 ? 2 : r.Next(0, 2),
            PriorGenuineLabels = r.NextDouble() < 0.2 ? r.Next(1, 4) : 0,
            PriorFraudLabels = r.NextDouble() < 0.02 ? 1 : 0,
            WithheldCallsToNumberLastHour = r.Next(0, 4),
        };
        return (Call(from, called: r.NextDouble() < 0.5 ? Retail : Cards, at: At(r, r.NextDouble() < 0.05), hints: hints), history);
    }

    private static (InboundCall, CallerHistory) Fraud(Random r)
    {
        var hints = new Dictionary<string, string>();
        var pattern = r.Next(6);
        string? from = pattern switch
        {
            0 => r.NextDouble() < 0.5 ? Retail : Cards,
            1 => "+44113496" + r.Next(1000, 9999),
            2 => "anonymous",
            3 => "+44161" + r.Next(1000000, 9999999),
            4 => "+4470" + r.Next(10000000, 99999999),
            _ => UkMobile(r),
        };
        if (pattern is 1 or 3 or 5 || r.NextDouble() < 0.3)
        {
            hints[CallHints.FromCountry] = r.NextDouble() < 0.75 ? Countries[r.Next(Countries.Length)] : "GB";
        }
        if (r.NextDouble() < 0.15)
        {
            hints[CallHints.CallerName] = r.NextDouble() < 0.5 ? "HMRC" : "Bank Security";
        }
        var noisy = r.NextDouble() < 0.5;
        var history = new CallerHistory
        {
            CallsFromCallerLastHour = noisy ? r.Next(2, 15) : r.Next(0, 2),
            CallsFromCallerLastDay = noisy ? r.Next(5, 60) : r.Next(0, 5),
            DistinctNumbersCalledToday = noisy ? r.Next(2, 8) : r.Next(0, 2),
            PriorFraudLabels = r.NextDouble() < 0.25 ? r.Next(1, 5) : 0,
            WithheldCallsToNumberLastHour = pattern == 2 ? r.Next(3, 30) : r.Next(0, 4),
        };
        return (Call(from, called: r.NextDouble() < 0.5 ? Retail : Cards, at: At(r, r.NextDouble() < 0.3), hints: hints), history);
    }
}
