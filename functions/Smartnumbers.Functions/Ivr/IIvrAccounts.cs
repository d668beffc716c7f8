using Smartnumbers.Core;

namespace Smartnumbers.Functions.Ivr;

/// <summary>The current snapshot of an account, as the call path sees it.</summary>
public interface IIvrAccounts
{
    /// <summary>Null when the account does not exist (any more).</summary>
    Task<AccountSnapshot?> GetAsync(string accountId, CancellationToken ct);
}
