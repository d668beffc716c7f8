using Smartnumbers.Core.Risk;

namespace Smartnumbers.ModelEval;

/// <summary>What <see cref="HeldOutEvaluation.Measure"/> found: the split, and each model's AUC on the newer calls.</summary>
/// <param name="SplitAt">Calls before this instant trained the refit; calls from it on are held out.</param>
/// <param name="Default"><c>RiskModel.Default</c> on the held-out calls (AUC, Brier, precision and recall at each number's threshold).</param>
/// <param name="Refit">The model refitted on the older calls, on the same held-out calls.</param>
/// <param name="RefitTrainingAuc">AUC of the refit on its own training calls (for comparison only).</param>
/// <param name="ByPattern">Each fraud pattern's held-out calls against all held-out genuine calls: (default, refit) AUC.</param>
public sealed record HeldOutFigures(
    DateTimeOffset SplitAt,
    int TrainingCalls,
    int TrainingFraud,
    int HeldOutCalls,
    int HeldOutFraud,
    ModelEvaluation Default,
    ModelEvaluation Refit,
    double RefitTrainingAuc,
    IReadOnlyDictionary<CallPattern, (double Default, double Refit)> ByPattern)
{
    public double DefaultAuc => Default.Auc ?? double.NaN;

    public double RefitAuc => Refit.Auc ?? double.NaN;
}
