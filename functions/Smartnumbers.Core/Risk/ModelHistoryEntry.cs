namespace Smartnumbers.Core.Risk;

/// <summary>One change of an account's live model: which version went live, how ("promoted" or "rolled-back"), when and by whom.</summary>
public sealed record ModelHistoryEntry(int Version, string Action, DateTimeOffset At, string By)
{
    public const string Promoted = "promoted";
    public const string RolledBack = "rolled-back";

    /// <summary>The version that was live before.</summary>
    public int PreviousVersion { get; init; }

    /// <summary>A promotion made with force over a held-out AUC below the live model's (or not measured).</summary>
    public bool Forced { get; init; }
}
