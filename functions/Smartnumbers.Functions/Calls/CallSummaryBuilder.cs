using PhoneNumbers;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Folds call records into a <see cref="CallSummary"/>: per UTC hour and outcome, high-risk (score at or above the
/// called number's threshold, or diverted as fraud), rejections by reason, how calls ended, and by the caller's
/// number type and country (libphonenumber on the caller number), for all calls and for the high-risk ones.
/// </summary>
internal sealed class CallSummaryBuilder(DateTimeOffset from, DateTimeOffset to, Func<string, int> thresholdOf, int? fixedThreshold = null)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly HashSet<string> Answered = new(["answered", "completed"], StringComparer.OrdinalIgnoreCase);
    private readonly DateTimeOffset _firstHour = Hour(from);
    private readonly int[] _calls = new int[HourCount(from, to)];
    private readonly int[] _highRisk = new int[HourCount(from, to)];
    private readonly Dictionary<string, int>[] _outcomes = Enumerable.Range(0, HourCount(from, to)).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly Dictionary<string, int> _byOutcome = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ended = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suspiciousTags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suspiciousTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suspiciousCountries = new(StringComparer.Ordinal);

    public static int HourCount(DateTimeOffset from, DateTimeOffset to) => (int)Math.Ceiling((to - Hour(from)).TotalHours);

    public void Add(CallRecord record)
    {
        var slot = (int)((record.StartedAt - _firstHour).Ticks / TimeSpan.TicksPerHour);
        if (slot < 0 || slot >= _calls.Length)
        {
            return;
        }

        _calls[slot]++;
        var outcome = CallQuery.OutcomeOf(record);
        Count(_outcomes[slot], outcome);
        Count(_byOutcome, outcome);
        if (outcome == "rejected")
        {
            Count(_reasons, record.Decision?.Reason ?? "unknown");
        }
        else if (EndedOf(record) is { } ended)
        {
            Count(_ended, ended);
        }

        var (type, country) = Classify(record);
        Count(_types, type);
        Count(_countries, country);
        if ((record.Risk?.Score ?? 0) >= (fixedThreshold ?? thresholdOf(record.CalledNumber)) || record.Decision?.Source == "fraud")
        {
            _highRisk[slot]++;
            foreach (var tag in record.Risk?.Tags ?? [])
            {
                Count(_suspiciousTags, tag);
            }

            Count(_suspiciousTypes, type);
            Count(_suspiciousCountries, country);
        }
    }

    public CallSummary Build() => new()
    {
        From = from,
        To = to,
        HighRiskScore = fixedThreshold,
        Total = _calls.Sum(),
        HighRisk = _highRisk.Sum(),
        Hourly = _calls.Select((n, i) => new HourVolume(_firstHour.AddHours(i), n, _highRisk[i]) { Outcomes = _outcomes[i] }).ToList(),
        ByOutcome = _byOutcome,
        RejectedByReason = _reasons,
        Ended = _ended,
        ByNumberType = _types,
        ByCountry = _countries,
        SuspiciousByTag = _suspiciousTags,
        SuspiciousByNumberType = _suspiciousTypes,
        SuspiciousByCountry = _suspiciousCountries,
    };

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>"answered", "not answered", or null while the carrier has not reported how the call ended.</summary>
    private static string? EndedOf(CallRecord record) =>
        record.Steps.Any(s => Answered.Contains(s.Status)) || (record.FinalStatus == "completed" && record.DurationSeconds > 0) ? "answered"
        : record.FinalStatus is not null || record.Steps.Count > 0 ? "not answered"
        : null;

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
