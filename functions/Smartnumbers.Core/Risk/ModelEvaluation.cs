namespace Smartnumbers.Core.Risk;

/// <summary>How one model did on held-out calls. Figures that cannot be measured (no fraud held out, nothing flagged) are null.</summary>
public sealed record ModelEvaluation
{
    /// <summary>Held-out calls judged, and how many of them are labelled fraud.</summary>
    public int Calls { get; init; }
    public int FraudCalls { get; init; }
    /// <summary>Area under the ROC curve: the chance a fraud call scores above a genuine one (0.5 = chance, 1 = perfect).</summary>
    public double? Auc { get; init; }
    /// <summary>Mean squared gap between the fraud probability and the label (0 = perfect; lower is better calibrated).</summary>
    public double? BrierScore { get; init; }
    /// <summary>Of the calls flagged (score at or above their own number's threshold), the share that are fraud.</summary>
    public double? Precision { get; init; }
    /// <summary>Of the fraud calls, the share flagged at their own number's threshold.</summary>
    public double? Recall { get; init; }
    public int Flagged { get; init; }
    public int FraudFlagged { get; init; }
}
