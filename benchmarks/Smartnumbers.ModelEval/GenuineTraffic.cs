using PhoneNumbers;

namespace Smartnumbers.ModelEval;

/// <summary>
/// Plans the genuine calls: sessions per day (weekday, Saturday, Sunday), each at a local hour drawn from the day's
/// profile, by a new customer of <see cref="EvaluationSetOptions.GenuineMix"/> or a returning one, sometimes with redials.
/// </summary>
internal sealed class GenuineTraffic(NumberFactory draw, EvaluationSetOptions options)
{
    private static readonly string[] Countries = ["FR", "DE", "ES", "IE", "IN", "PL", "AE", "AU", "US", "NG"];
    private static readonly string[] RoamingIn = ["ES", "FR", "PT", "IT", "US", "AE", "GR"];
    private static readonly string[] Surnames = ["JOHNSON M", "GARCIA L", "SMITH J", "NGUYEN T", "BROWN A", "LEE K"];
    private static readonly (string Verstat, double Weight)[] Stir =
    [
        ("TN-Validation-Passed-A", 0.70), ("TN-Validation-Passed-B", 0.12), ("TN-Validation-Passed-C", 0.10),
        ("No-TN-Validation", 0.06), ("TN-Validation-Failed", 0.02),
    ];

    private readonly List<GenuineCaller> _known = [];

    public List<PlannedCall> Plan()
    {
        var calls = new List<PlannedCall>();
        var mix = options.GenuineMix.Select(p => (p.Key, p.Value)).ToArray();
        var ukNumbers = EvaluationAccount.UkNumbers.Select(n => (n.Number, n.Share)).ToArray();
        for (var d = 0; d < options.Days; d++)
        {
            var day = DateOnly.FromDateTime(options.Start.UtcDateTime).AddDays(d);
            var (sessions, hours) = day.DayOfWeek switch
            {
                DayOfWeek.Saturday => (options.SaturdaySessions, options.WeekendHours),
                DayOfWeek.Sunday => (options.SundaySessions, options.WeekendHours),
                _ => (options.WeekdaySessions, options.WeekdayHours),
            };
            for (var s = 0; s < sessions; s++)
            {
                var repeat = _known.Count > 0 && draw.Chance(options.RepeatCallerShare);
                var caller = repeat ? draw.Pick(_known) : NewCaller(draw.Weighted(mix));
                var called = caller.Pattern == CallPattern.GenuineUsCustomer ? EvaluationAccount.UsBranch : draw.Weighted(ukNumbers);
                var at = LocalClock.Draw(draw, day, hours, EvaluationAccount.ZoneOf(called));
                calls.Add(Call(caller, called, at, repeat));
                if (draw.Chance(options.RedialShare))
                {
                    var redials = draw.Chance(0.1) ? draw.Random.Next(4, 8) : draw.Random.Next(1, 4);
                    for (var r = 0; r < redials; r++)
                    {
                        at = at.AddMinutes(draw.Random.Next(1, 16)).AddSeconds(draw.Random.Next(60));
                        calls.Add(Call(caller, called, at, repeat: true));
                    }
                }
            }
        }
        return calls;
    }

    private GenuineCaller NewCaller(CallPattern pattern)
    {
        GenuineCaller caller;
        switch (pattern)
        {
            case CallPattern.GenuineMobile:
                caller = new(pattern, draw.UkMobile(), "GB", null);
                break;
            case CallPattern.GenuineLandline:
                caller = new(pattern, draw.UkLandline(), "GB", null);
                break;
            case CallPattern.GenuineInternational:
                var country = draw.Pick(Countries);
                caller = new(pattern, draw.Foreign(country, draw.Chance(0.7) ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE), country, null);
                break;
            case CallPattern.GenuineWithheld:
                // Twilio sends a privacy-withheld caller as "anonymous" or keypad-spelled (+266696687).
                caller = new(pattern, draw.Chance(0.6) ? "anonymous" : "+266696687", "GB", null);
                break;
            case CallPattern.GenuineBusiness:
                caller = new(pattern, draw.Chance(0.6) ? draw.UkNonGeographic() : draw.UkFreephone(), "GB", null);
                break;
            case CallPattern.GenuineUsCustomer:
                caller = new(pattern, draw.Us(), "US", draw.Chance(0.4) ? draw.Pick(Surnames) : null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Not a genuine pattern.");
        }
        _known.Add(caller);
        return caller;
    }

    private PlannedCall Call(GenuineCaller caller, string called, DateTimeOffset at, bool repeat)
    {
        var origin = caller.Pattern == CallPattern.GenuineMobile && draw.Chance(options.RoamingShare) ? draw.Pick(RoamingIn) : caller.Country;
        return new PlannedCall
        {
            At = at,
            Called = called,
            From = caller.From,
            Pattern = caller.Pattern,
            Origin = draw.Chance(options.MissingOriginShare) ? null : origin,
            StirVerstat = caller.Pattern == CallPattern.GenuineUsCustomer ? draw.Weighted(Stir) : null,
            CallerName = caller.CallerName,
            RepeatCaller = repeat,
        };
    }
}
