namespace Smartnumbers.Functions.Calls;

/// <summary>
/// The calls of one UTC hour folded (<see cref="HourFiguresBuilder"/>), before any threshold is applied: what the
/// summary needs of the hour, and what an hourly roll-up row stores. High risk depends on each number's threshold at
/// the time of the request, so the calls that could count as high risk are kept as <see cref="RiskGroup"/>s by called
/// number and score, each with the breakdowns a high-risk call adds to.
/// </summary>
internal sealed record HourFigures
{
    public static readonly HourFigures Empty = new();

    public int Calls { get; init; }
    /// <summary>Calls by outcome (<see cref="CallQuery.OutcomeOf"/>).</summary>
    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();
    /// <summary>Rejected calls by reason.</summary>
    public IReadOnlyDictionary<string, int> Reasons { get; init; } = new Dictionary<string, int>();
    /// <summary>Other calls by how they ended, where known.</summary>
    public IReadOnlyDictionary<string, int> Ended { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Types { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Countries { get; init; } = new Dictionary<string, int>();
    /// <summary>Every call of the hour in one group: the fraud diverts together, the others by (called number, score).</summary>
    public IReadOnlyList<RiskGroup> Risk { get; init; } = [];

    /// <summary>
    /// Calls with the same called number and score (<see cref="Fraud"/> false), or all the hour's fraud diverts
    /// (<see cref="Fraud"/> true, high risk whatever their score): how many, and their tags, number types and countries.
    /// </summary>
    internal sealed record RiskGroup
    {
        public string? Number { get; init; }
        public int Score { get; init; }
        public bool Fraud { get; init; }
        public int Calls { get; init; }
        public IReadOnlyDictionary<string, int> Tags { get; init; } = new Dictionary<string, int>();
        public IReadOnlyDictionary<string, int> Types { get; init; } = new Dictionary<string, int>();
        public IReadOnlyDictionary<string, int> Countries { get; init; } = new Dictionary<string, int>();

        /// <summary>Whether these calls are high risk against <paramref name="threshold"/> (the number's own, or the request's).</summary>
        public bool IsHighRisk(int threshold) => Fraud || Score >= threshold;
    }
}
