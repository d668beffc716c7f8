using System.ComponentModel.DataAnnotations;

namespace Smartnumbers.Functions.Models;

/// <summary>Section "RiskModel": how a refit picks, checks and judges its training data, and the optional nightly refit.</summary>
public sealed class RiskModelOptions
{
    public const string Section = "RiskModel";

    /// <summary>Labels of each class (fraud, genuine) a refit needs before it trains. Default 50 (1–100 000).</summary>
    [Range(1, 100_000)]
    public int MinLabelsPerClass { get; set; } = 50;

    /// <summary>
    /// How far back a refit looks: labelled calls and scored calls (for the base rate) that started within it.
    /// Default 90 days (1–3650 days).
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan TrainingWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The newest share of each class held out to judge the candidate and the live model. Default 0.2 (0.05–0.5).</summary>
    [Range(0.05, 0.5)]
    public double HeldOutFraction { get; set; } = 0.2;

    /// <summary>Refit every account nightly (timer RefitModels, 02:30 UTC), producing candidates only. Default false.</summary>
    public bool NightlyRefit { get; set; }
}
