namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Calls and high-risk calls in one UTC clock hour starting at <see cref="Hour"/>, and the calls by outcome
/// (connected, diverted, rejected: <see cref="CallQuery.OutcomeOf"/>).
/// </summary>
internal sealed record HourVolume(DateTimeOffset Hour, int Calls, int HighRisk)
{
    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();
}
