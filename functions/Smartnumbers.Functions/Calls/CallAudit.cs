using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Audits the calls area's writes (labels, refits) through the admin audit writer: one audit row in the account's
/// config partition (no configuration row changes, so the call path's snapshot version is not bumped).
/// </summary>
internal sealed class CallAudit(ConfigDocuments documents)
{
    public async Task WriteAsync(string account, string resource, string? before, string? after, AuditActor actor, CancellationToken ct)
    {
        var result = await documents.WriteAsync(account, [], _ => new ConfigChange
        {
            Action = "POST",
            Resource = resource,
            Before = before,
            After = after,
            BumpVersion = false,
        }, actor, ct);
        if (result.Outcome != WriteOutcome.Done)
        {
            throw new InvalidOperationException($"Auditing {resource} failed: {result.Outcome}.");
        }
    }
}
