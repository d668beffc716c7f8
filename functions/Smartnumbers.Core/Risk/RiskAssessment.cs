namespace Smartnumbers.Core.Risk;

/// <summary>The Call DNA verdict for one call.</summary>
public sealed record RiskAssessment
{
    private static readonly IReadOnlyDictionary<string, double> NoAttributes = new Dictionary<string, double>();

    /// <summary>Not scored (rejected by screening, or the called number is unknown).</summary>
    public static RiskAssessment NotScored { get; } = new() { Scored = false };

    /// <summary>0–100: the model's fraud probability × 100, rounded.</summary>
    public int Score { get; init; }
    /// <summary>The model's fraud probability, 0–1.</summary>
    public double Probability { get; init; }
    /// <summary>False when the call was not scored (rejected by screening first, or an unknown number).</summary>
    public bool Scored { get; init; } = true;
    /// <summary>Short labels for agents and reports: spoofed, withheld, voip, blocklisted, international, repeat, …</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>
    /// Every Call DNA attribute with a value (name → value); names are listed in docs/call-dna-attributes.md. Absent
    /// attributes (the network comparisons when no network number reached us) are left out, never written as 0.
    /// </summary>
    public IReadOnlyDictionary<string, double> Attributes { get; init; } = NoAttributes;
    /// <summary>
    /// The candidate model's score of the same attributes (0–100), when the account has a candidate: recorded beside the
    /// live score to compare them, never used for a decision. Null when there is no candidate or the call was not scored.
    /// </summary>
    public int? ShadowScore { get; init; }
    /// <summary>The attributes that pushed the score most (largest |weight × value| first, at most five).</summary>
    public IReadOnlyList<RiskContribution> Top { get; init; } = [];
}
