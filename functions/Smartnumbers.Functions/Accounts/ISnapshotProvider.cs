using Smartnumbers.Core;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// The call path's view of configuration: immutable snapshots served from memory. A call costs at most one small
/// point read (the account's version, at most once a second per account and instance); the full account is reloaded
/// only when its version changed. Never throws: when storage is unreachable the last-known snapshot is served.
/// </summary>
public interface ISnapshotProvider
{
    /// <summary>
    /// Who owns <paramref name="calledNumber"/> (E.164): from memory when known, else from storage, retried until it
    /// answers or <paramref name="budget"/> is spent; then <see cref="NumberLookup.CannotTell"/>, never "not ours".
    /// </summary>
    ValueTask<NumberLookup> LookupAsync(string calledNumber, TimeSpan budget, CancellationToken cancellationToken = default);

    /// <summary>The snapshot of the account that owns <paramref name="calledNumber"/>, or null when no account has it or
    /// it cannot be told within the configured call-path budget.</summary>
    ValueTask<AccountSnapshot?> FindByCalledNumberAsync(string calledNumber, CancellationToken cancellationToken = default);

    /// <summary>The account's snapshot, or null when the account does not exist (or was never seen and storage is down).</summary>
    ValueTask<AccountSnapshot?> GetAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Reloads the account now (called after a write on this instance so the next call sees it at once).</summary>
    Task RefreshAsync(string accountId, CancellationToken cancellationToken = default);
}
