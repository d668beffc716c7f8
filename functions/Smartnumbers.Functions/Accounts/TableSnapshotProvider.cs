using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Smartnumbers.Core;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// <see cref="ISnapshotProvider"/> over Table Storage. Per account: the version row is read at most once per
/// <see cref="SnapshotOptions.FreshFor"/> (one small point read), the partition reloaded only when the version moved.
/// Per number: the index is read once; again only when the owning account's snapshot no longer lists the number.
/// A number or account this instance has never read is retried until storage answers or the caller's budget is spent,
/// and then reported as "can't tell", never as "not ours".
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

    /// <summary>How many numbers this instance remembers (owned or not).</summary>
    internal int CachedNumbers => _numbers.Count;

    public async ValueTask<NumberLookup> LookupAsync(string calledNumber, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        var deadline = new Deadline(time, budget);
        if (!_numbers.TryGetValue(calledNumber, out var slot))
        {
            // Numbers are E.164: text of any other shape is no account's, and never reaches storage.
            if (!E164.IsShaped(calledNumber))
            {
                return NumberLookup.NotOursAnswer;
            }

            if (_numbers.Count >= options.Value.MaxCachedNumbers)
            {
                ForgetNumbersNoAccountHas();
            }

            slot = _numbers.GetOrAdd(calledNumber, _ => new NumberSlot(new Revalidation(time)));
        }

        if (slot.Account is null)
        {
            await ResolveAsync(calledNumber, slot, deadline, cancellationToken);
        }

        NumberLookup CannotTell(string what) => new NumberLookup.CannotTell($"{what} was not read within {budget.TotalMilliseconds} ms");
        if (!slot.Resolved)
        {
            return CannotTell("the number index");
        }

        if (slot.Account is not { } account)
        {
            return NumberLookup.NotOursAnswer;
        }

        var owner = await AccountAsync(account, deadline, cancellationToken);
        if (owner.Snapshot is { } snapshot && snapshot.Numbers.ContainsKey(calledNumber))
        {
            return new NumberLookup.Owned(snapshot);
        }

        if (!owner.Known)
        {
            return CannotTell("the account");
        }

        // Deleted or moved to another account: ask the index again (at most once per FreshFor).
        await ResolveAsync(calledNumber, slot, deadline, cancellationToken);
        if (slot.Account is not { } moved || string.Equals(moved, account, StringComparison.Ordinal))
        {
            return NumberLookup.NotOursAnswer;
        }

        var next = await AccountAsync(moved, deadline, cancellationToken);
        return next.Snapshot is { } movedTo && movedTo.Numbers.ContainsKey(calledNumber) ? new NumberLookup.Owned(movedTo)
            : next.Known ? NumberLookup.NotOursAnswer
            : CannotTell("the account");
    }

    public async ValueTask<AccountSnapshot?> FindByCalledNumberAsync(string calledNumber, CancellationToken cancellationToken = default) =>
        await LookupAsync(calledNumber, options.Value.CallPathBudget, cancellationToken) is NumberLookup.Owned owned ? owned.Snapshot : null;

    public async ValueTask<AccountSnapshot?> GetAsync(string accountId, CancellationToken cancellationToken = default) =>
        (await AccountAsync(accountId, new Deadline(time, options.Value.CallPathBudget), cancellationToken)).Snapshot;

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

    /// <summary>The account's slot, checked as the budget allows (see <see cref="CheckAsync"/>).</summary>
    private async Task<AccountSlot> AccountAsync(string accountId, Deadline deadline, CancellationToken ct)
    {
        var slot = _accounts.GetOrAdd(accountId, _ => new AccountSlot(new Revalidation(time)));
        if (!slot.Known || !slot.Check.IsFresh(options.Value.FreshFor))
        {
            await CheckAccountAsync(accountId, slot, deadline, ct);
        }

        return slot;
    }

    // Apart from the fast path above, so that a call served from memory allocates no closure.
    private Task CheckAccountAsync(string accountId, AccountSlot slot, Deadline deadline, CancellationToken ct) =>
        CheckAsync(slot.Check, () => RevalidateAsync(accountId, slot), () => slot.Known, slot.Snapshot is not null, deadline, ct);

    /// <summary>Reads the number's owner as the budget allows (see <see cref="CheckAsync"/>).</summary>
    private async Task ResolveAsync(string calledNumber, NumberSlot slot, Deadline deadline, CancellationToken ct)
    {
        if (!slot.Resolved || !slot.Check.IsFresh(options.Value.FreshFor))
        {
            await CheckNumberAsync(calledNumber, slot, deadline, ct);
        }
    }

    private Task CheckNumberAsync(string calledNumber, NumberSlot slot, Deadline deadline, CancellationToken ct) =>
        CheckAsync(slot.Check, () => ReadIndexAsync(calledNumber, slot), () => slot.Resolved, slot.Account is not null, deadline, ct);

    /// <summary>
    /// One check of a cached item. Storage has answered for it before: one read (shared), waited for within
    /// RevalidationBudget while something is served from it (stale while revalidating), else within the deadline.
    /// Never answered: retried until storage answers or the deadline passes.
    /// </summary>
    private Task CheckAsync(Revalidation revalidation, Func<Task> read, Func<bool> answered, bool serving, Deadline deadline, CancellationToken ct) =>
        answered()
            ? WithinBudgetAsync(revalidation.RunAsync(read), serving ? Min(options.Value.RevalidationBudget, deadline.Left) : deadline.Left, ct)
            : UntilAnsweredAsync(revalidation, read, answered, deadline, ct);

    private async Task ReadIndexAsync(string calledNumber, NumberSlot slot)
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
    }

    /// <summary>Runs (or joins) the check again and again until <paramref name="answered"/> or the deadline.</summary>
    private async Task UntilAnsweredAsync(Revalidation revalidation, Func<Task> check, Func<bool> answered, Deadline deadline, CancellationToken ct)
    {
        while (!answered() && deadline.Left > TimeSpan.Zero && !ct.IsCancellationRequested)
        {
            await WithinBudgetAsync(revalidation.RunAsync(check), deadline.Left, ct);
            if (!answered() && deadline.Left > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(Min(options.Value.ColdRetryPause, deadline.Left), time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
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

    /// <summary>Waits for the check within the budget; past it (or on cancellation) the caller goes on with what is cached.</summary>
    private async Task WithinBudgetAsync(Task check, TimeSpan budget, CancellationToken ct)
    {
        if (budget <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await check.WaitAsync(budget, time, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogBudgetExceeded(log, budget.TotalMilliseconds);
        }
    }

    private void ForgetNumbersNoAccountHas()
    {
        foreach (var (number, slot) in _numbers)
        {
            if (slot.Account is null)
            {
                _numbers.TryRemove(number, out _);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of account {Account} not refreshed: {Reason}; serving the last known")]
    private static partial void LogRefreshFailed(ILogger logger, string account, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Number index not reachable: {Reason}")]
    private static partial void LogIndexFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A configuration check took over {BudgetMs} ms; the call goes on with what is cached while it completes")]
    private static partial void LogBudgetExceeded(ILogger logger, double budgetMs);

    private sealed class NumberSlot(Revalidation check)
    {
        public Revalidation Check { get; } = check;
        public volatile string? Account;
        public volatile bool Resolved;
    }

    /// <summary>A point in time a lookup must answer by.</summary>
    private readonly struct Deadline(TimeProvider time, TimeSpan budget)
    {
        private readonly long _start = time.GetTimestamp();

        public TimeSpan Left => budget - time.GetElapsedTime(_start);
    }
}
