using Smartnumbers.Core.Risk;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// What a refit did: trained and stored a candidate (<see cref="Candidate"/>, with its training AUC and the default
/// weights' held-out figures), or refused for want of labels (<see cref="Shortfall"/>, with the counts it found).
/// </summary>
internal sealed record RefitOutcome(int FraudLabels, int GenuineLabels)
{
    public LabelShortfall? Shortfall { get; init; }
    public StoredModel? Candidate { get; init; }
    public double? TrainingAuc { get; init; }
    public ModelEvaluation? DefaultModel { get; init; }
}
