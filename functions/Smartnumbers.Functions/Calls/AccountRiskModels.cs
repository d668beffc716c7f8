using System.Collections.Concurrent;
using Azure.Data.Tables;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Models;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// The models each account's calls are scored with: the live model decides, the candidate (if any) scores in shadow.
/// Both come from the account's <see cref="ModelRegistry"/> (row <see cref="ModelRows.Registry"/> of its configuration
/// partition); an account with no registry row yet is scored with the model an earlier refit stored in table RiskModels
/// (row "current"), else <see cref="CallDecider.Default"/>. Served from memory and read again only when the account's
/// snapshot version moves (every model change bumps it), so a promotion or roll back reaches every instance with its
/// next snapshot check (<see cref="SnapshotOptions.FreshFor"/>) and costs the call path no extra read otherwise.
/// A call waits at most <see cref="RevalidationBudget"/> for that read (then the held models score it), and for an
/// account not seen yet at most <see cref="FirstLoadBudget"/> (then the default model scores it; the next call gets the
/// loaded one). Never throws: storage faults keep the last-known models, and a candidate
/// that cannot be read or loaded leaves the call to the live model alone.
/// </summary>
public sealed partial class AccountRiskModels(TableStore store, TimeProvider time, ILogger<AccountRiskModels> log)
{
    public const string LegacyTable = "RiskModels";
    public const string LegacyRow = "current";
    public static readonly TimeSpan RetryAfterFault = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan FirstLoadBudget = TimeSpan.FromMilliseconds(150);

    /// <summary>When the account's version moved, how long a call waits for the new models before the held ones score it.</summary>
    public static readonly TimeSpan RevalidationBudget = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<CallDecider>>> _loading = new(StringComparer.Ordinal);

    /// <summary>The decider for <paramref name="accountId"/>'s calls, given the version of the snapshot the call is decided with.</summary>
    public async ValueTask<CallDecider> GetAsync(string accountId, long snapshotVersion, CancellationToken ct)
    {
        var known = _entries.TryGetValue(accountId, out var entry);
        if (known && entry!.Version == snapshotVersion && (entry.RetryAt is not { } retry || time.GetUtcNow() < retry))
        {
            return entry.Decider;
        }

        var load = _loading.GetOrAdd(accountId, a => new Lazy<Task<CallDecider>>(() => LoadAsync(a, snapshotVersion))).Value;
        try
        {
            return await load.WaitAsync(known ? RevalidationBudget : FirstLoadBudget, time, ct);
        }
        catch (TimeoutException)
        {
            return known ? entry!.Decider : CallDecider.Default;
        }
    }

    /// <summary>Reads the account's live and candidate models from storage now (no cache). Throws on storage faults.</summary>
    public async Task<CallDecider> ReadAsync(string accountId, CancellationToken ct)
    {
        var registry = await store.Table(ConfigRows.Table).GetEntityIfExistsAsync<TableEntity>(accountId, ModelRows.Registry, cancellationToken: ct);
        if (registry.HasValue)
        {
            var models = ModelStore.Read(StoredRow.From(registry.Value!));
            return new CallDecider(models.LiveModel(), Candidate(accountId, models));
        }

        var legacy = await store.Table(LegacyTable).GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(accountId), LegacyRow, cancellationToken: ct);
        return legacy.HasValue && legacy.Value!.GetString("Model") is { } json ? new CallDecider(RiskModel.FromJson(json)) : CallDecider.Default;
    }

    private RiskModel? Candidate(string accountId, ModelRegistry models)
    {
        try
        {
            return models.CandidateModel();
        }
        catch (Exception ex)
        {
            LogCandidateBroken(log, accountId, ex.Message);
            return null;
        }
    }

    private async Task<CallDecider> LoadAsync(string accountId, long version)
    {
        try
        {
            var decider = await ReadAsync(accountId, CancellationToken.None);
            _entries[accountId] = new Entry(decider, version, null);
            return decider;
        }
        catch (Exception ex)
        {
            LogLoadFailed(log, accountId, ex.Message);
            var kept = _entries.TryGetValue(accountId, out var old) ? old.Decider : CallDecider.Default;
            _entries[accountId] = new Entry(kept, version, time.GetUtcNow() + RetryAfterFault); // Not on every call.
            return kept;
        }
        finally
        {
            _loading.TryRemove(accountId, out _);
        }
    }

    private sealed record Entry(CallDecider Decider, long Version, DateTimeOffset? RetryAt);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Reading the risk models of account {Account} failed ({Error}): keeping the last-known models")]
    private static partial void LogLoadFailed(ILogger logger, string account, string error);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The candidate model of account {Account} cannot be loaded ({Error}): calls are scored by the live model alone")]
    private static partial void LogCandidateBroken(ILogger logger, string account, string error);
}
