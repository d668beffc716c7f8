namespace Smartnumbers.Core.Risk;

/// <summary>A candidate model and the live one, judged on the same held-out calls.</summary>
public sealed record ModelComparison(ModelEvaluation Candidate, ModelEvaluation Live)
{
    /// <summary>
    /// The candidate ranks held-out calls at least as well as the live model (AUC). False when either AUC is unknown:
    /// a candidate that cannot be shown not to be worse is not promoted without force.
    /// </summary>
    public bool CandidateAtLeastAsGood => Candidate.Auc is { } c && Live.Auc is { } l && c >= l;
}
