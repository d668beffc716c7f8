using Smartnumbers.Core.Risk;

namespace Smartnumbers.Functions.Models;

/// <summary>One version a refit made, as stored and as the history and candidate endpoints show it.</summary>
internal sealed record StoredModel
{
    public int Version { get; init; }
    public required RiskModelDocument Model { get; init; }
    public DateTimeOffset FittedAt { get; init; }
    public string FittedBy { get; init; } = "";
    /// <summary>The labelled calls it was trained on (the older ones), and of them how many are fraud.</summary>
    public int TrainingExamples { get; init; }
    public int TrainingFraud { get; init; }
    /// <summary>The account's real fraud rate the intercept was set for: labelled fraud among the calls scored in the window.</summary>
    public double BaseRate { get; init; }
    public long ScoredCalls { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    /// <summary>The candidate and the live model (<see cref="ComparedWithVersion"/>) on the same held-out calls.</summary>
    public ModelComparison? Evaluation { get; init; }
    public int ComparedWithVersion { get; init; }
}
