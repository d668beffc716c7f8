using Azure;

namespace Smartnumbers.Functions.Accounts;

/// <summary>The end of a write: its outcome, the new ETags of the rows it set, and the account's new version.</summary>
internal sealed record WriteResult(WriteOutcome Outcome, IReadOnlyDictionary<string, ETag> ETags, long Version, ConfigChange Change)
{
    public ETag? ETagOf(string rowKey) => ETags.TryGetValue(rowKey, out var e) ? e : null;
}
