namespace Smartnumbers.Functions.Calls;

/// <summary>GET …/reports/summary: call volume over [From, To) from the call records.</summary>
internal sealed record CallSummary
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    /// <summary>
    /// The score at or above which (or a fraud divert) a call counts as high risk, when the request set one
    /// (?highRiskScore=); null: each call against its number's own fraud threshold (70 for a number without a policy).
    /// </summary>
    public int? HighRiskScore { get; init; }
    public int Total { get; init; }
    public int HighRisk { get; init; }
    /// <summary>One entry per UTC clock hour of the range, oldest first (hours without calls included).</summary>
    public IReadOnlyList<HourVolume> Hourly { get; init; } = [];
    /// <summary>Calls by decision: connected, diverted (the fraud route), rejected.</summary>
    public IReadOnlyDictionary<string, int> ByOutcome { get; init; } = new Dictionary<string, int>();
    /// <summary>Rejected calls by the decision's reason.</summary>
    public IReadOnlyDictionary<string, int> RejectedByReason { get; init; } = new Dictionary<string, int>();
    /// <summary>
    /// How connected calls ended where the carrier reported it: answered (a step or the call completed) or not answered
    /// (busy, no-answer, failed, canceled).
    /// </summary>
    public IReadOnlyDictionary<string, int> Ended { get; init; } = new Dictionary<string, int>();
    /// <summary>Calls by the caller's number type (libphonenumber: mobile, fixed_line, voip, …; "withheld", "unknown").</summary>
    public IReadOnlyDictionary<string, int> ByNumberType { get; init; } = new Dictionary<string, int>();
    /// <summary>Calls by the caller number's country (ISO 3166 region; "withheld", "unknown").</summary>
    public IReadOnlyDictionary<string, int> ByCountry { get; init; } = new Dictionary<string, int>();
    /// <summary>High-risk calls by Call DNA tag (a call with several tags counts under each).</summary>
    public IReadOnlyDictionary<string, int> SuspiciousByTag { get; init; } = new Dictionary<string, int>();
    /// <summary>High-risk calls by the caller's number type.</summary>
    public IReadOnlyDictionary<string, int> SuspiciousByNumberType { get; init; } = new Dictionary<string, int>();
    /// <summary>High-risk calls by the caller number's country.</summary>
    public IReadOnlyDictionary<string, int> SuspiciousByCountry { get; init; } = new Dictionary<string, int>();
}
