namespace Smartnumbers.Core.Risk;

/// <summary>Judges models on labelled calls: AUC, Brier score, and precision and recall at each call's own number's threshold.</summary>
public static class ModelEvaluator
{
    /// <summary>The candidate and the live model on the same <paramref name="heldOut"/> calls.</summary>
    public static ModelComparison Compare(RiskModel candidate, RiskModel live, IReadOnlyList<LabelledCall> heldOut, Func<string?, int> thresholdOf) =>
        new(Evaluate(candidate, heldOut, thresholdOf), Evaluate(live, heldOut, thresholdOf));

    /// <summary>
    /// <paramref name="model"/> on <paramref name="calls"/>; a call is flagged when its score (probability × 100, rounded,
    /// as the call path computes it) reaches <paramref name="thresholdOf"/> its called number.
    /// </summary>
    public static ModelEvaluation Evaluate(RiskModel model, IReadOnlyList<LabelledCall> calls, Func<string?, int> thresholdOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(thresholdOf);
        var probabilities = Score(model, calls);
        int frauds = 0, flagged = 0, fraudFlagged = 0;
        var squares = 0.0;
        for (var i = 0; i < calls.Count; i++)
        {
            var fraud = calls[i].Fraud;
            var p = probabilities[i];
            squares += (p - (fraud ? 1 : 0)) * (p - (fraud ? 1 : 0));
            var flag = RiskModel.ScoreOf(p) >= thresholdOf(calls[i].CalledNumber);
            frauds += fraud ? 1 : 0;
            flagged += flag ? 1 : 0;
            fraudFlagged += flag && fraud ? 1 : 0;
        }
        var auc = Auc(probabilities, calls);
        return new ModelEvaluation
        {
            Calls = calls.Count,
            FraudCalls = frauds,
            Auc = double.IsNaN(auc) ? null : auc,
            BrierScore = calls.Count == 0 ? null : squares / calls.Count,
            Precision = flagged == 0 ? null : (double)fraudFlagged / flagged,
            Recall = frauds == 0 ? null : (double)fraudFlagged / frauds,
            Flagged = flagged,
            FraudFlagged = fraudFlagged,
        };
    }

    /// <summary>Area under the ROC curve of <paramref name="model"/> on <paramref name="calls"/> (0.5 = chance, 1 = perfect; NaN without both classes).</summary>
    public static double Auc(RiskModel model, IReadOnlyList<LabelledCall> calls)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calls);
        return Auc(Score(model, calls), calls);
    }

    private static double[] Score(RiskModel model, IReadOnlyList<LabelledCall> calls) =>
        calls.Select(c => model.Probability(c.Attributes is CallDnaVector v ? v.Values : CallDnaVector.FromAttributes(c.Attributes).Values)).ToArray();

    private static double Auc(double[] probabilities, IReadOnlyList<LabelledCall> calls)
    {
        var scored = probabilities.Select((p, i) => (P: p, calls[i].Fraud)).OrderBy(s => s.P).ToArray();
        double positives = scored.Count(s => s.Fraud), negatives = scored.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        // Mann–Whitney U with average ranks for ties.
        double rankSum = 0;
        for (var i = 0; i < scored.Length;)
        {
            var j = i;
            while (j + 1 < scored.Length && scored[j + 1].P == scored[i].P)
            {
                j++;
            }
            var rank = (i + j + 2) / 2.0;
            for (var k = i; k <= j; k++)
            {
                rankSum += scored[k].Fraud ? rank : 0;
            }
            i = j + 1;
        }
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
