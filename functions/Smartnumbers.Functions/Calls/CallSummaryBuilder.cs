using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Adds up the <see cref="HourFigures"/> of the hours of [from, to) into a <see cref="CallSummary"/>: per UTC hour and
/// outcome, high-risk (score at or above the called number's threshold, or diverted as fraud), rejections by reason,
/// how calls ended, and by the caller's number type and country, for all calls and for the high-risk ones.
/// </summary>
internal sealed class CallSummaryBuilder(DateTimeOffset from, DateTimeOffset to, Func<string, int> thresholdOf, int? fixedThreshold = null)
{
    private readonly DateTimeOffset _firstHour = CallHourRollups.HourOf(from);
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

    public static int HourCount(DateTimeOffset from, DateTimeOffset to) => (int)Math.Ceiling((to - CallHourRollups.HourOf(from)).TotalHours);

    /// <summary>The figures of the calls of [from, to) that started in the hour starting at <paramref name="hour"/>.</summary>
    public void Add(DateTimeOffset hour, HourFigures figures)
    {
        var slot = (int)((hour - _firstHour).Ticks / TimeSpan.TicksPerHour);
        if (slot < 0 || slot >= _calls.Length || figures.Calls == 0)
        {
            return;
        }

        _calls[slot] += figures.Calls;
        AddAll(_outcomes[slot], figures.Outcomes);
        AddAll(_byOutcome, figures.Outcomes);
        AddAll(_reasons, figures.Reasons);
        AddAll(_ended, figures.Ended);
        AddAll(_types, figures.Types);
        AddAll(_countries, figures.Countries);
        foreach (var group in figures.Risk)
        {
            if (group.IsHighRisk(fixedThreshold ?? (group.Number is { } number ? thresholdOf(number) : 0)))
            {
                _highRisk[slot] += group.Calls;
                AddAll(_suspiciousTags, group.Tags);
                AddAll(_suspiciousTypes, group.Types);
                AddAll(_suspiciousCountries, group.Countries);
            }
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

    private static void AddAll(Dictionary<string, int> counts, IReadOnlyDictionary<string, int> more)
    {
        foreach (var (key, n) in more)
        {
            counts[key] = counts.GetValueOrDefault(key) + n;
        }
    }
}
