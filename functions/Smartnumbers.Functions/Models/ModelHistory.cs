namespace Smartnumbers.Functions.Models;

/// <summary>The answer of GET …/model/history: every live change (oldest first) and every version a refit made.</summary>
internal sealed record ModelHistory
{
    public int LiveVersion { get; init; }
    public IReadOnlyList<Core.Risk.ModelHistoryEntry> Changes { get; init; } = [];
    public IReadOnlyList<StoredModel> Versions { get; init; } = [];
}
