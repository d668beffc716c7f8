using System.Globalization;

namespace Smartnumbers.ModelEval;

/// <summary>
/// Plans the fraud calls: campaigns of each pattern, started at a day and local hour of
/// <see cref="EvaluationSetOptions.FraudHours"/>, until each pattern has its share of the fraud calls.
/// </summary>
internal sealed class FraudCampaigns(NumberFactory draw, EvaluationSetOptions options)
{
    private static readonly string[] Gateways = ["NG", "IN", "PK", "GH", "RO", "US", "CN"];
    private static readonly string[] HighCost = ["CU", "SL", "GN", "LV", "SO", "PG", "TN", "LT", "GM", "001"];
    private static readonly string[] BurstCountries = ["FR", "DE", "ES", "NG", "IN", "PK", "RO"];
    private static readonly string[] Authorities = ["Bank Security", "HMRC", "Fraud Team", "Police"];
    private static readonly string[] SipNumbers = [EvaluationAccount.Retail, EvaluationAccount.Cards, EvaluationAccount.Freephone];

    private readonly List<PlannedCall> _burstCallers = [];

    public List<PlannedCall> Plan(int fraudCalls)
    {
        var calls = new List<PlannedCall>(fraudCalls);
        var patterns = options.FraudMix.ToArray();
        var planned = 0;
        for (var i = 0; i < patterns.Length; i++)
        {
            var (pattern, share) = patterns[i];
            var target = i == patterns.Length - 1 ? fraudCalls - planned : (int)Math.Round(fraudCalls * share);
            var made = new List<PlannedCall>();
            while (made.Count < target)
            {
                made.AddRange(Campaign(pattern));
            }
            calls.AddRange(made.Take(target));
            planned += target;
        }
        return calls;
    }

    private List<PlannedCall> Campaign(CallPattern pattern)
    {
        var called = pattern == CallPattern.StirUnverified ? EvaluationAccount.UsBranch : UkNumber();
        var day = DateOnly.FromDateTime(options.Start.UtcDateTime).AddDays(draw.Random.Next(options.Days));
        var at = LocalClock.Draw(draw, day, options.FraudHours, EvaluationAccount.ZoneOf(called));
        return pattern switch
        {
            CallPattern.SpoofedOwnNumber => SpoofedOwnNumber(at),
            CallPattern.StirUnverified => StirUnverified(at),
            CallPattern.VoipRange => VoipRange(at),
            CallPattern.PremiumOrHighCost => PremiumOrHighCost(at),
            CallPattern.Burst => Burst(at),
            CallPattern.SequentialIds => SequentialIds(at),
            _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Not a fraud pattern."),
        };
    }

    private List<PlannedCall> SpoofedOwnNumber(DateTimeOffset at)
    {
        var mode = draw.Weighted([("called", 0.5), ("account", 0.3), ("neighbour", 0.2)]);
        var origin = Origin(foreign: 0.5, home: 0.35);
        var name = draw.Chance(0.15) ? draw.Pick(Authorities) : null;
        var calls = new List<PlannedCall>();
        for (var n = draw.Random.Next(1, 4); n > 0; n--)
        {
            var called = UkNumber();
            var from = mode switch
            {
                "called" => called,
                "account" => draw.Pick(EvaluationAccount.UkNumbers.Select(u => u.Number).Where(u => u != called).ToArray()),
                _ => called[..^3] + draw.Random.Next(1000).ToString("000", CultureInfo.InvariantCulture),
            };
            calls.Add(Fraud(CallPattern.SpoofedOwnNumber, at, called, from, origin) with { CallerName = name });
            at = at.AddMinutes(draw.Random.Next(5, 121));
        }
        return calls;
    }

    private List<PlannedCall> StirUnverified(DateTimeOffset at)
    {
        var calls = new List<PlannedCall>();
        for (var n = draw.Random.Next(1, 5); n > 0; n--)
        {
            var verstat = draw.Weighted([("TN-Validation-Passed-C", 0.5), ("TN-Validation-Failed", 0.35), ("No-TN-Validation", 0.15)]);
            calls.Add(Fraud(CallPattern.StirUnverified, at, EvaluationAccount.UsBranch, draw.Us(), draw.Chance(0.8) ? "US" : null) with
            {
                StirVerstat = verstat,
                CallerName = draw.Chance(0.1) ? "FRAUD DEPT" : null,
            });
            at = at.AddMinutes(draw.Random.Next(1, 31));
        }
        return calls;
    }

    private List<PlannedCall> VoipRange(DateTimeOffset at)
    {
        var sip = draw.Chance(0.2);
        var ip = sip ? $"203.0.113.{draw.Random.Next(1, 255)}" : null;
        var from = sip ? $"sip:{draw.Random.Next(100, 100000)}@{ip}" : draw.UkVoip();
        var origin = sip ? null : Origin(foreign: 0.3, home: 0.5);
        var calls = new List<PlannedCall>();
        for (var n = draw.Random.Next(1, 4); n > 0; n--)
        {
            var called = sip ? draw.Pick(SipNumbers) : UkNumber();
            calls.Add(Fraud(CallPattern.VoipRange, at, called, from, origin) with { SipSourceIp = ip });
            at = at.AddMinutes(draw.Random.Next(2, 61));
        }
        return calls;
    }

    private List<PlannedCall> PremiumOrHighCost(DateTimeOffset at)
    {
        string from;
        string? origin;
        if (draw.Chance(0.35))
        {
            from = draw.UkPremium();
            origin = Origin(foreign: 0.2, home: 0.5);
        }
        else
        {
            var region = draw.Pick(HighCost);
            from = draw.Foreign(region);
            origin = draw.Chance(0.2) ? null : region == "001" ? draw.Pick(Gateways) : region;
        }
        var calls = new List<PlannedCall>();
        for (var n = draw.Random.Next(1, 4); n > 0; n--)
        {
            calls.Add(Fraud(CallPattern.PremiumOrHighCost, at, UkNumber(), from, origin));
            at = at.AddMinutes(draw.Random.Next(1, 21));
        }
        return calls;
    }

    private List<PlannedCall> Burst(DateTimeOffset at)
    {
        PlannedCall first;
        if (_burstCallers.Count > 0 && draw.Chance(0.3))
        {
            first = draw.Pick(_burstCallers);
        }
        else
        {
            var kind = draw.Weighted([("mobile", 0.4), ("foreign", 0.3), ("withheld", 0.3)]);
            var country = draw.Pick(BurstCountries);
            var (from, origin) = kind switch
            {
                "mobile" => (draw.UkMobile(), Origin(foreign: 0.4, home: 0.6)),
                "foreign" => (draw.Foreign(country), country),
                _ => (draw.Chance(0.6) ? "anonymous" : "+266696687", Origin(foreign: 0.3, home: 0.6)),
            };
            first = Fraud(CallPattern.Burst, at, UkNumber(), from, origin);
            _burstCallers.Add(first);
        }
        var targets = Enumerable.Range(0, draw.Random.Next(1, 4)).Select(_ => UkNumber()).ToArray();
        var calls = new List<PlannedCall>();
        for (var n = draw.Random.Next(5, 26); n > 0; n--)
        {
            calls.Add(first with { At = at, Called = draw.Pick(targets) });
            at = at.AddMinutes(draw.Random.Next(1, 7)).AddSeconds(draw.Random.Next(60));
        }
        return calls;
    }

    private List<PlannedCall> SequentialIds(DateTimeOffset at)
    {
        var start = draw.Chance(0.6) ? draw.UkLandline() : draw.UkMobile();
        var origin = Origin(foreign: 0.4, home: 0.45);
        var calls = new List<PlannedCall>();
        var ids = draw.Random.Next(5, 16);
        for (var id = 0; id < ids; id++)
        {
            var from = NumberFactory.Next(start, id);
            for (var n = draw.Random.Next(1, 3); n > 0; n--)
            {
                calls.Add(Fraud(CallPattern.SequentialIds, at, UkNumber(), from, origin));
                at = at.AddMinutes(draw.Random.Next(1, 6)).AddSeconds(draw.Random.Next(60));
            }
        }
        return calls;
    }

    private string UkNumber() => draw.Pick(EvaluationAccount.UkNumbers).Number;

    /// <summary>The carrier's origin country: a fraud gateway abroad, the UK, or none.</summary>
    private string? Origin(double foreign, double home) =>
        draw.Weighted<string?>([(draw.Pick(Gateways), foreign), ("GB", home), ((string?)null, 1 - foreign - home)]);

    private static PlannedCall Fraud(CallPattern pattern, DateTimeOffset at, string called, string from, string? origin) =>
        new() { At = at, Called = called, From = from, Pattern = pattern, Origin = origin };
}
