using PhoneNumbers;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Folds the call records of one hour into <see cref="HourFigures"/>: outcome, rejections by reason, how calls ended,
/// the caller's number type and country (libphonenumber on the caller number), and the risk groups.
/// </summary>
internal sealed class HourFiguresBuilder
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly HashSet<string> Answered = new(["answered", "completed"], StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ended = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string? Number, int Score, bool Fraud), Group> _risk = [];
    private int _calls;

    public void Add(CallRecord record)
    {
        _calls++;
        var outcome = CallQuery.OutcomeOf(record);
        Count(_outcomes, outcome);
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
        var fraud = record.Decision?.Source == "fraud";
        var key = fraud ? (null, 0, true) : (record.CalledNumber, record.Risk?.Score ?? 0, false);
        if (!_risk.TryGetValue(key, out var group))
        {
            _risk[key] = group = new Group();
        }

        group.Calls++;
        foreach (var tag in record.Risk?.Tags ?? [])
        {
            Count(group.Tags, tag);
        }

        Count(group.Types, type);
        Count(group.Countries, country);
    }

    public HourFigures Build() => _calls == 0 ? HourFigures.Empty : new()
    {
        Calls = _calls,
        Outcomes = _outcomes,
        Reasons = _reasons,
        Ended = _ended,
        Types = _types,
        Countries = _countries,
        Risk = _risk.Select(g => new HourFigures.RiskGroup
        {
            Number = g.Key.Number,
            Score = g.Key.Score,
            Fraud = g.Key.Fraud,
            Calls = g.Value.Calls,
            Tags = g.Value.Tags,
            Types = g.Value.Types,
            Countries = g.Value.Countries,
        }).ToList(),
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

    private sealed class Group
    {
        public int Calls { get; set; }
        public Dictionary<string, int> Tags { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Types { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Countries { get; } = new(StringComparer.Ordinal);
    }
}
