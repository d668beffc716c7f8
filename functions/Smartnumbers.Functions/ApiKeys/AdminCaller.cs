using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.ApiKeys;

/// <summary>The authenticated caller of the admin API: the key's id and role, and its account (null: the bootstrap key, any account).</summary>
public sealed record AdminCaller(string KeyId, ApiKeyRole Role, string? Account)
{
    public const string BootstrapId = "bootstrap";

    public bool MayAccess(string account) => Account is null || string.Equals(Account, account, StringComparison.Ordinal);

    public AuditActor Actor => new(KeyId, Role.ToString().ToLowerInvariant(), AuditActor.Api);
}
