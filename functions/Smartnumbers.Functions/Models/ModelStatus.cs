using Smartnumbers.Core.Risk;

namespace Smartnumbers.Functions.Models;

/// <summary>The answer of GET …/model: which version is live, the candidate (with its held-out evaluation) if any, and the history.</summary>
internal sealed record ModelStatus
{
    public int LiveVersion { get; init; }
    public RiskModelDocument? Live { get; init; }
    public StoredModel? Candidate { get; init; }
    public IReadOnlyList<ModelHistoryEntry> History { get; init; } = [];
}
