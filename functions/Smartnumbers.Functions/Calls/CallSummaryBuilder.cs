using PhoneNumbers;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Folds call records into a <see cref="CallSummary"/>: per UTC hour, high-risk (score at or above the threshold, or
/// diverted as fraud), and by the caller's number type and country (libphonenumber on the caller number).
/// </summary>
internal sealed class CallSummaryBuilder(DateTimeOffset from, DateTimeOffset to, int highRiskScore)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly DateTimeOffset _firstHour = Hour(from);
    private readonly int[] _calls = new int[HourCount(from, to)];
    private readonly int[] _highRisk = new int[HourCount(from, to)];
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);

    public static int HourCount(DateTimeOffset from, DateTimeOffset to) => (int)Math.Ceiling((to - Hour(from)).TotalHours);

    public void Add(CallRecord record)
    {
        var slot = (int)((record.StartedAt - _firstHour).Ticks / TimeSpan.TicksPerHour);
        if (slot < 0 || slot >= _calls.Length)
        {
            return;
        }

        _calls[slot]++;
        if ((record.Risk?.Score ?? 0) >= highRiskScore || record.Decision?.Source == "fraud")
        {
            _highRisk[slot]++;
        }

        var (type, country) = Classify(record);
        _types[type] = _types.GetValueOrDefault(type) + 1;
        _countries[country] = _countries.GetValueOrDefault(country) + 1;
    }

    public CallSummary Build() => new()
    {
        From = from,
        To = to,
        HighRiskScore = highRiskScore,
        Total = _calls.Sum(),
        HighRisk = _highRisk.Sum(),
        Hourly = _calls.Select((n, i) => new HourVolume(_firstHour.AddHours(i), n, _highRisk[i])).ToList(),
        ByNumberType = _types,
        ByCountry = _countries,
    };

    private static (string Type, string Country) Classify(CallRecord record)
    {
        var caller = CallLabels.CallerOf(record);
        if (caller is null)
        {
            return record.Withheld ? ("withheld", "withheld") : ("unknown", "unknown");
        }

        try
        {
            var number = Util.Parse(caller, null);
            var region = Util.GetRegionCodeForNumber(number);
            return (Util.GetNumberType(number).ToString().ToLowerInvariant(), string.IsNullOrEmpty(region) || region == "ZZ" ? "unknown" : region);
        }
        catch (NumberParseException)
        {
            return ("unknown", "unknown");
        }
    }

    private static DateTimeOffset Hour(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
    }
}
