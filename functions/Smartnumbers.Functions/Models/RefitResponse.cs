using Smartnumbers.Core.Risk;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// The answer of POST …/model:refit: the candidate it stored (never live until promoted), what it was trained on, and how
/// it and the live model did on the same held-out calls.
/// </summary>
internal sealed record RefitResponse
{
    /// <summary>The candidate's version; promote it with POST …/model:promote.</summary>
    public int Version { get; init; }
    public int LiveVersion { get; init; }
    public required double Bias { get; init; }
    /// <summary>Every Call DNA attribute's fitted weight (log-odds per unit), in catalogue order.</summary>
    public required IReadOnlyDictionary<string, double> Weights { get; init; }
    /// <summary>Labelled calls in the training window (calls rejected before scoring left out), and of them fraud and genuine.</summary>
    public int LabelledExamples { get; init; }
    public int FraudExamples { get; init; }
    public int GenuineExamples { get; init; }
    /// <summary>The older calls the candidate was trained on, and the newer ones held out to judge it.</summary>
    public int TrainedExamples { get; init; }
    public int HeldOutExamples { get; init; }
    /// <summary>The account's real fraud rate the intercept was set for: labelled fraud among <see cref="ScoredCalls"/>.</summary>
    public double BaseRate { get; init; }
    public long ScoredCalls { get; init; }
    /// <summary>AUC on the calls it was trained on (optimistic: compare the held-out figures).</summary>
    public double? TrainingAuc { get; init; }
    /// <summary>The candidate and the live model on the same held-out calls: AUC, Brier score, precision and recall.</summary>
    public required ModelComparison Evaluation { get; init; }
    /// <summary>The default weights on the same held-out calls, for reference.</summary>
    public ModelEvaluation? DefaultModel { get; init; }
    public DateTimeOffset FittedAt { get; init; }
}
