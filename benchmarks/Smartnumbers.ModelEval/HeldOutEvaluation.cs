using Smartnumbers.Core.Risk;

namespace Smartnumbers.ModelEval;

/// <summary>
/// A time split of the evaluation set: refit on the older calls, then compare the default model and the refit on the
/// newer ones (which neither has seen). AUC is <see cref="RiskModelTrainer.Auc"/>.
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
        var refit = (trainer ?? new RiskModelTrainer()).Fit(training);
        var genuine = newer.Where(c => !c.Fraud).Select(c => c.ToLabelled()).ToArray();
        var byPattern = CallPatterns.Fraud.ToDictionary(p => p, p =>
        {
            LabelledCall[] subset = [.. genuine, .. newer.Where(c => c.Pattern == p).Select(c => c.ToLabelled())];
            return (RiskModelTrainer.Auc(RiskModel.Default, subset), RiskModelTrainer.Auc(refit, subset));
        });
        return new HeldOutFigures(splitAt, training.Length, training.Count(c => c.Fraud), heldOut.Length, heldOut.Count(c => c.Fraud),
            RiskModelTrainer.Auc(RiskModel.Default, heldOut), RiskModelTrainer.Auc(refit, heldOut), RiskModelTrainer.Auc(refit, training), byPattern);
    }
}
