using Smartnumbers.Core;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Ivr;

/// <summary>The IVR reads accounts through the call path's snapshots (changes made on this instance are seen at once).</summary>
internal sealed class SnapshotIvrAccounts(ISnapshotProvider snapshots) : IIvrAccounts
{
    public async Task<AccountSnapshot?> GetAsync(string accountId, CancellationToken ct) => await snapshots.GetAsync(accountId, ct);
}
