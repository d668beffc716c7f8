namespace Smartnumbers.Core.Risk;

/// <summary>The stored form of a <see cref="RiskModel"/>.</summary>
public sealed record RiskModelDocument
{
    public int Version { get; init; } = 1;
    public double Bias { get; init; }
    /// <summary>Attribute name → weight (log-odds per unit of value).</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();
    /// <summary>How many labelled calls the weights were fitted on (0 = defaults).</summary>
    public int TrainedExamples { get; init; }
    /// <summary>Area under the ROC curve on held-out calls, when measured.</summary>
    public double? HeldOutAuc { get; init; }
}
