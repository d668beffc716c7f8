namespace Smartnumbers.Core.Risk;

/// <summary>
/// An account's risk models: the live one (its score decides), at most one candidate (scored in shadow only), and the
/// history of what went live. Versions count from 1 (every refit makes one); version 0 is the catalogue's default
/// weights, always available to roll back to. Immutable: each step returns the next registry or a refusal.
/// </summary>
public sealed record ModelRegistry
{
    /// <summary>No refit yet: the default weights are live, no candidate.</summary>
    public static ModelRegistry Empty { get; } = new();

    /// <summary>The live version (0 = default weights) and its weights (null for version 0).</summary>
    public int LiveVersion { get; init; }
    public RiskModelDocument? Live { get; init; }

    /// <summary>The candidate version and weights (null when none) and how it compared with the live model on held-out calls.</summary>
    public int? CandidateVersion { get; init; }
    public RiskModelDocument? Candidate { get; init; }
    public ModelComparison? CandidateEvaluation { get; init; }
    /// <summary>The live version the candidate was compared with.</summary>
    public int CandidateComparedWith { get; init; }

    /// <summary>The highest version made so far.</summary>
    public int LastVersion { get; init; }
    public IReadOnlyList<ModelHistoryEntry> History { get; init; } = [];

    /// <summary>The live model and the candidate as models (the default weights for version 0).</summary>
    public RiskModel LiveModel() => Live is null ? RiskModel.Default : RiskModel.FromDocument(Live);
    public RiskModel? CandidateModel() => Candidate is null ? null : RiskModel.FromDocument(Candidate);

    /// <summary>A refit's model becomes the candidate (replacing any earlier one), as version <see cref="LastVersion"/> + 1.</summary>
    public ModelRegistry WithCandidate(RiskModelDocument model, ModelComparison evaluation) => this with
    {
        LastVersion = LastVersion + 1,
        CandidateVersion = LastVersion + 1,
        Candidate = model,
        CandidateEvaluation = evaluation,
        CandidateComparedWith = LiveVersion,
    };

    /// <summary>
    /// The candidate goes live. Refused when there is none; and, unless <paramref name="force"/>, when its held-out AUC
    /// is below the live model's (or either was not measured), or the live model changed since it was compared.
    /// </summary>
    public ModelChange Promote(bool force, DateTimeOffset at, string by)
    {
        if (CandidateVersion is not { } version || Candidate is null)
        {
            return new(null, "There is no candidate model: refit first.");
        }
        if (!force && CandidateComparedWith != LiveVersion)
        {
            return new(null, $"The candidate was compared with version {CandidateComparedWith}, but version {LiveVersion} is live now: refit again, or promote with force.");
        }
        if (!force && CandidateEvaluation is not { CandidateAtLeastAsGood: true })
        {
            return new(null, $"The candidate's held-out AUC ({Describe(CandidateEvaluation?.Candidate.Auc)}) is below the live model's ({Describe(CandidateEvaluation?.Live.Auc)}) or was not measured: promote with force to override.");
        }
        var entry = new ModelHistoryEntry(version, ModelHistoryEntry.Promoted, at, by) { PreviousVersion = LiveVersion, Forced = force && CandidateEvaluation is not { CandidateAtLeastAsGood: true } };
        return new(this with
        {
            LiveVersion = version,
            Live = Candidate,
            CandidateVersion = null,
            Candidate = null,
            CandidateEvaluation = null,
            History = [.. History, entry],
        });
    }

    /// <summary>
    /// An earlier model goes live again: version 0 (the default weights) or any version that has been live before.
    /// The candidate, if any, stays a candidate.
    /// </summary>
    public ModelChange RollBack(int version, RiskModelDocument? model, DateTimeOffset at, string by)
    {
        if (version == LiveVersion)
        {
            return new(null, $"Version {version} is already live.");
        }
        if (version != 0 && (model is null || !History.Any(h => h.Version == version)))
        {
            return new(null, $"Version {version} has never been live: roll back only to version 0 (the default weights) or to a version in the history.");
        }
        var entry = new ModelHistoryEntry(version, ModelHistoryEntry.RolledBack, at, by) { PreviousVersion = LiveVersion };
        return new(this with { LiveVersion = version, Live = version == 0 ? null : model, History = [.. History, entry] });
    }

    private static string Describe(double? auc) => auc is { } a ? a.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "not measured";
}
