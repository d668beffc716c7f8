namespace Smartnumbers.Functions.Calls;

/// <summary>The answer of POST …/model:refit: the fitted model and how well it separates the labelled calls.</summary>
internal sealed record RefitResponse
{
    public required double Bias { get; init; }
    /// <summary>Every Call DNA attribute's fitted weight (log-odds per unit), in catalogue order.</summary>
    public required IReadOnlyDictionary<string, double> Weights { get; init; }
    public int TrainedExamples { get; init; }
    public int FraudExamples { get; init; }
    public int GenuineExamples { get; init; }
    /// <summary>AUC of the fitted model on the labelled calls it was fitted from (not held out).</summary>
    public double TrainingAuc { get; init; }
    /// <summary>AUC of the default model on the same calls, for comparison.</summary>
    public double DefaultModelAuc { get; init; }
    public DateTimeOffset FittedAt { get; init; }
}
