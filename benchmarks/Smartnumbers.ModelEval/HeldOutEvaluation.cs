using Smartnumbers.Core.Risk;

namespace Smartnumbers.ModelEval;

/// <summary>
/// A time split of the evaluation set: refit on the older calls, then compare the default model and the refit on the
/// newer ones (which neither has seen), with the app's own <see cref="ModelEvaluator"/>: AUC, Brier score, and precision
/// and recall with each call judged at its own number's threshold. The refit's base rate is the older calls' fraud share:
/// every call of the set is labelled, so labelled fraud among scored calls is exactly that.
/// </summary>
public static class HeldOutEvaluation
{
    /// <summary>The older <paramref name="olderShare"/> of the calls by time, and the rest (calls at the cut's instant go to the newer part).</summary>
    public static (IReadOnlyList<EvaluationCall> Older, IReadOnlyList<EvaluationCall> Newer, DateTimeOffset SplitAt) SplitByTime(
        IReadOnlyList<EvaluationCall> calls, double olderShare = 0.7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(olderShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(olderShare, 1);
        var ordered = calls.OrderBy(c => c.At).ToArray();
        var splitAt = ordered[(int)(ordered.Length * olderShare)].At;
        return ([.. ordered.TakeWhile(c => c.At < splitAt)], [.. ordered.SkipWhile(c => c.At < splitAt)], splitAt);
    }

    public static HeldOutFigures Measure(IReadOnlyList<EvaluationCall> calls, double olderShare = 0.7, RiskModelTrainer? trainer = null)
    {
        var (older, newer, splitAt) = SplitByTime(calls, olderShare);
        var training = older.Select(c => c.ToLabelled()).ToArray();
        var heldOut = newer.Select(c => c.ToLabelled()).ToArray();
        var trainingFraud = training.Count(c => c.Fraud);
        var refit = (trainer ?? new RiskModelTrainer()).Fit(training, RiskModelTrainer.BaseRateOf(trainingFraud, training.Length, training.Length));
        var genuine = newer.Where(c => !c.Fraud).Select(c => c.ToLabelled()).ToArray();
        var byPattern = CallPatterns.Fraud.ToDictionary(p => p, p =>
        {
            LabelledCall[] subset = [.. genuine, .. newer.Where(c => c.Pattern == p).Select(c => c.ToLabelled())];
            return (ModelEvaluator.Auc(RiskModel.Default, subset), ModelEvaluator.Auc(refit, subset));
        });
        var comparison = ModelEvaluator.Compare(refit, RiskModel.Default, heldOut, number => EvaluationAccount.ThresholdOf(number!));
        return new HeldOutFigures(splitAt, training.Length, trainingFraud, heldOut.Length, heldOut.Count(c => c.Fraud),
            comparison.Live, comparison.Candidate, ModelEvaluator.Auc(refit, training), byPattern);
    }
}
