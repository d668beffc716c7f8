namespace Smartnumbers.Functions.CallRecords;

/// <summary>The Call DNA score of a call: 0–100, its tags, the attributes seen and the top contributors.</summary>
public sealed record CallRiskSummary
{
    public int Score { get; init; }
    /// <summary>The candidate model's score of the same call, in shadow (never used for the decision); null without a candidate.</summary>
    public int? ShadowScore { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Every Call DNA attribute: name → value.</summary>
    public IReadOnlyDictionary<string, double> Attributes { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<CallRiskContribution> Top { get; init; } = [];
}
