namespace Smartnumbers.Core.Risk;

/// <summary>
/// Fits <see cref="RiskModel"/> weights by full-batch gradient descent on the L2-regularised logistic loss, starting
/// from the default weights (so attributes the data never exercises keep their reasoned value, shrunk towards them
/// rather than towards zero). Fraud is rare, so fraud examples are up-weighted to balance the classes.
/// </summary>
public sealed class RiskModelTrainer
{
    /// <summary>Passes over the data (default 400).</summary>
    public int Epochs { get; init; } = 400;
    /// <summary>Step size (default 0.5).</summary>
    public double LearningRate { get; init; } = 0.5;
    /// <summary>Strength of the pull towards the default weights (default 0.001).</summary>
    public double L2 { get; init; } = 0.001;

    /// <summary>
    /// Fits weights on <paramref name="calls"/>, then sets the intercept for <paramref name="baseRate"/>: the share of
    /// the account's scored calls that are fraud (see <see cref="BaseRateOf"/>), not the labelled set's share.
    /// </summary>
    public RiskModel Fit(IReadOnlyList<LabelledCall> calls, double baseRate)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (!(baseRate > 0 && baseRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, "The base rate is a fraud share strictly between 0 and 1.");
        }
        var n = CallDnaCatalogue.Count;
        var prior = RiskModel.Default.Weights.ToArray();
        var weights = prior.ToArray();
        var bias = CallDnaCatalogue.DefaultBias;
        if (calls.Count == 0)
        {
            return new RiskModel(bias, weights);
        }
        var x = calls.Select(c => c.Attributes is CallDnaVector v ? v.Values.ToArray() : CallDnaVector.FromAttributes(c.Attributes).Values.ToArray()).ToArray();
        var frauds = calls.Count(c => c.Fraud);
        var genuine = calls.Count - frauds;
        var fraudWeight = frauds == 0 ? 1 : 0.5 * calls.Count / frauds;
        var genuineWeight = genuine == 0 ? 1 : 0.5 * calls.Count / genuine;
        var gradient = new double[n];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var z = bias;
                var row = x[i];
                for (var j = 0; j < n; j++)
                {
                    z += weights[j] * row[j];
                }
                var error = (RiskModel.Sigmoid(z) - (calls[i].Fraud ? 1 : 0)) * (calls[i].Fraud ? fraudWeight : genuineWeight);
                biasGradient += error;
                for (var j = 0; j < n; j++)
                {
                    if (row[j] != 0)
                    {
                        gradient[j] += error * row[j];
                    }
                }
            }
            var scale = LearningRate / x.Length;
            bias -= scale * biasGradient;
            for (var j = 0; j < n; j++)
            {
                weights[j] -= scale * gradient[j] + LearningRate * L2 * (weights[j] - prior[j]);
            }
        }
        // Class balancing fits the intercept for even odds; move it to the account's real base rate. Not the labelled
        // set's rate: operators label the calls that looked suspicious, so that rate says more about them than traffic.
        bias += Math.Log(baseRate / (1 - baseRate));
        return new RiskModel(bias, weights);
    }

    /// <summary>
    /// The account's real fraud rate over a training window: <paramref name="labelledFraud"/> calls labelled fraud among
    /// <paramref name="scoredCalls"/> calls scored in it (unlabelled calls count as genuine), smoothed by half a call so
    /// that it is never 0 or 1. Never below the labelled set's count: every labelled call was scored.
    /// </summary>
    public static double BaseRateOf(int labelledFraud, int labelledCalls, long scoredCalls)
    {
        var calls = Math.Max(scoredCalls, labelledCalls);
        return (labelledFraud + 0.5) / (calls + 1.0);
    }
}
