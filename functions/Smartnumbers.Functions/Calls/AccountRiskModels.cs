using System.Collections.Concurrent;
using Azure.Data.Tables;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// The risk model each account's calls are scored with: the account's refitted weights (table RiskModels, PartitionKey =
/// account, RowKey "current") when stored, else <see cref="CallDecider.Default"/>. Served from memory; an entry older
/// than <see cref="RefreshEvery"/> is served while one background read refreshes it; an account not seen yet waits at
/// most <see cref="FirstLoadBudget"/> for its read, then is scored with the default model (and the next call gets the
/// loaded one). Never throws: storage faults keep the last-known model.
/// </summary>
public sealed partial class AccountRiskModels(TableStore store, TimeProvider time, ILogger<AccountRiskModels> log)
{
    public const string Table = "RiskModels";
    public const string CurrentRow = "current";
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan FirstLoadBudget = TimeSpan.FromMilliseconds(150);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<CallDecider>>> _loading = new(StringComparer.Ordinal);

    /// <summary>The decider for <paramref name="accountId"/>'s calls.</summary>
    public async ValueTask<CallDecider> GetAsync(string accountId, CancellationToken ct)
    {
        var known = _entries.TryGetValue(accountId, out var entry);
        if (known && time.GetUtcNow() - entry!.LoadedAt < RefreshEvery)
        {
            return entry.Decider;
        }

        var load = _loading.GetOrAdd(accountId, a => new Lazy<Task<CallDecider>>(() => LoadAsync(a))).Value;
        if (known)
        {
            return entry!.Decider;
        }

        try
        {
            return await load.WaitAsync(FirstLoadBudget, time, ct);
        }
        catch (TimeoutException)
        {
            return CallDecider.Default;
        }
    }

    /// <summary>Stores a fitted model for the account and uses it at once on this instance (others within <see cref="RefreshEvery"/>).</summary>
    public async Task StoreAsync(string accountId, RiskModel model, int examples, double trainingAuc, string fittedBy, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Safe(accountId), CurrentRow)
        {
            ["Model"] = model.ToJson(examples),
            ["TrainingAuc"] = trainingAuc,
            ["FittedAt"] = time.GetUtcNow(),
            ["FittedBy"] = fittedBy,
        };
        await store.Table(Table).UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        _entries[accountId] = new Entry(new CallDecider(model), time.GetUtcNow());
    }

    private async Task<CallDecider> LoadAsync(string accountId)
    {
        try
        {
            var row = await store.Table(Table).GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(accountId), CurrentRow);
            var decider = row.HasValue && row.Value!.GetString("Model") is { } json ? new CallDecider(RiskModel.FromJson(json)) : CallDecider.Default;
            _entries[accountId] = new Entry(decider, time.GetUtcNow());
            return decider;
        }
        catch (Exception ex)
        {
            LogLoadFailed(log, accountId, ex.Message);
            var kept = _entries.TryGetValue(accountId, out var old) ? old.Decider : CallDecider.Default;
            _entries[accountId] = new Entry(kept, time.GetUtcNow()); // Retry after RefreshEvery, not on every call.
            return kept;
        }
        finally
        {
            _loading.TryRemove(accountId, out _);
        }
    }

    private sealed record Entry(CallDecider Decider, DateTimeOffset LoadedAt);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Reading the risk model of account {Account} failed ({Error}): keeping the last-known model")]
    private static partial void LogLoadFailed(ILogger logger, string account, string error);
}
