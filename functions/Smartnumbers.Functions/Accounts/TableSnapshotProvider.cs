using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Smartnumbers.Core;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// <see cref="ISnapshotProvider"/> over Table Storage. Per account: the version row is read at most once per
/// <see cref="SnapshotOptions.FreshFor"/> (one small point read), the partition reloaded only when the version moved.
/// Per number: the index is read once; again only when the owning account's snapshot no longer lists the number.
/// </summary>
internal sealed partial class TableSnapshotProvider(
    ConfigStore config,
    NumberIndex index,
    IOptions<SnapshotOptions> options,
    TimeProvider time,
    ILogger<TableSnapshotProvider> log) : ISnapshotProvider
{
    private readonly ConcurrentDictionary<string, AccountSlot> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NumberSlot> _numbers = new(StringComparer.Ordinal);

    public async ValueTask<AccountSnapshot?> FindByCalledNumberAsync(string calledNumber, CancellationToken cancellationToken = default)
    {
        var slot = _numbers.GetOrAdd(calledNumber, _ => new NumberSlot(new Revalidation(time)));
        if (slot.Account is null || !slot.Resolved)
        {
            await ResolveAsync(calledNumber, slot, cancellationToken);
        }

        if (slot.Account is not { } account)
        {
            return null;
        }

        var snapshot = await GetAsync(account, cancellationToken);
        if (snapshot is not null && snapshot.Numbers.ContainsKey(calledNumber))
        {
            return snapshot;
        }

        // Deleted or moved to another account: ask the index again (at most once per FreshFor).
        await ResolveAsync(calledNumber, slot, cancellationToken);
        if (slot.Account is not { } moved || string.Equals(moved, account, StringComparison.Ordinal))
        {
            return null;
        }

        snapshot = await GetAsync(moved, cancellationToken);
        return snapshot is not null && snapshot.Numbers.ContainsKey(calledNumber) ? snapshot : null;
    }

    public async ValueTask<AccountSnapshot?> GetAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var slot = _accounts.GetOrAdd(accountId, _ => new AccountSlot(new Revalidation(time)));
        if (!slot.Check.IsFresh(options.Value.FreshFor))
        {
            var budget = slot.Snapshot is null ? options.Value.CallPathBudget : options.Value.RevalidationBudget;
            await WithinBudgetAsync(slot.Check.RunAsync(() => RevalidateAsync(accountId, slot)), budget, cancellationToken);
        }

        return slot.Snapshot;
    }

    public async Task RefreshAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var slot = _accounts.GetOrAdd(accountId, _ => new AccountSlot(new Revalidation(time)));
        try
        {
            var rows = await config.LoadSnapshotRowsAsync(accountId, cancellationToken);
            slot.Publish(AccountSnapshotBuilder.Build(accountId, rows));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(log, accountId, ex.Message);
        }
    }

    private async Task ResolveAsync(string calledNumber, NumberSlot slot, CancellationToken ct)
    {
        if (slot.Check.IsFresh(options.Value.FreshFor))
        {
            return;
        }

        var budget = slot.Account is null ? options.Value.CallPathBudget : options.Value.RevalidationBudget;
        await WithinBudgetAsync(slot.Check.RunAsync(async () =>
        {
            try
            {
                slot.Account = await index.FindAccountAsync(calledNumber, CancellationToken.None);
                slot.Resolved = true;
            }
            catch (Exception ex)
            {
                LogIndexFailed(log, ex.Message);
            }
        }), budget, ct);
    }

    private async Task RevalidateAsync(string accountId, AccountSlot slot)
    {
        try
        {
            var version = await config.GetVersionAsync(accountId, CancellationToken.None);
            if (version is null)
            {
                slot.Publish(null);
            }
            else if (slot.Snapshot is null || slot.Snapshot.Version != version)
            {
                var rows = await config.LoadSnapshotRowsAsync(accountId, CancellationToken.None);
                slot.Publish(AccountSnapshotBuilder.Build(accountId, rows));
            }
        }
        catch (Exception ex)
        {
            LogRefreshFailed(log, accountId, ex.Message);
        }
    }

    /// <summary>Waits for the check within the call-path budget; past it (or on cancellation) the caller goes on with what is cached.</summary>
    private async Task WithinBudgetAsync(Task check, TimeSpan budget, CancellationToken ct)
    {
        try
        {
            await check.WaitAsync(budget, time, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            if (budget == options.Value.RevalidationBudget)
            {
                LogServedWhileRevalidating(log, budget.TotalMilliseconds);
            }
            else
            {
                LogBudgetExceeded(log, budget.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of account {Account} not refreshed: {Reason}; serving the last known")]
    private static partial void LogRefreshFailed(ILogger logger, string account, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Number index not reachable: {Reason}")]
    private static partial void LogIndexFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration check exceeded its budget of {BudgetMs} ms; serving the last known while it completes")]
    private static partial void LogBudgetExceeded(ILogger logger, double budgetMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Revalidation took over {BudgetMs} ms; the held snapshot was served")]
    private static partial void LogServedWhileRevalidating(ILogger logger, double budgetMs);

    private sealed class NumberSlot(Revalidation check)
    {
        public Revalidation Check { get; } = check;
        public volatile string? Account;
        public volatile bool Resolved;
    }
}
