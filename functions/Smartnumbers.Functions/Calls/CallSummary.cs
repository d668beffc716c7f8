namespace Smartnumbers.Functions.Calls;

/// <summary>GET …/reports/summary: call volume over [From, To) from the call records.</summary>
internal sealed record CallSummary
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    /// <summary>Score at or above which (or a fraud divert) a call counts as high risk.</summary>
    public int HighRiskScore { get; init; }
    public int Total { get; init; }
    public int HighRisk { get; init; }
    /// <summary>One entry per UTC clock hour of the range, oldest first (hours without calls included).</summary>
    public IReadOnlyList<HourVolume> Hourly { get; init; } = [];
    /// <summary>Calls by the caller's number type (libphonenumber: mobile, fixed_line, voip, …; "withheld", "unknown").</summary>
    public IReadOnlyDictionary<string, int> ByNumberType { get; init; } = new Dictionary<string, int>();
    /// <summary>Calls by the caller number's country (ISO 3166 region; "withheld", "unknown").</summary>
    public IReadOnlyDictionary<string, int> ByCountry { get; init; } = new Dictionary<string, int>();
}
