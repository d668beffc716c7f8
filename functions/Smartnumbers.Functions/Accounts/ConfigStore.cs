using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Reads and writes the configuration rows of one account. Every write reads the rows it touches, lets the caller decide
/// the change from what is there (so If-Match and state rules are checked against the current rows), and commits the
/// change, the version bump, its audit row and its CloudEvents (outbox rows in the same partition) in one entity-group
/// transaction, retrying when another writer got there first.
/// </summary>
internal sealed partial class ConfigStore(TableStore store, TimeProvider time, ILogger<ConfigStore> log, IEventOutbox? outbox = null)
{
    private const int MaxAttempts = 12;

    public TableClient Table => store.Table(ConfigRows.Table);

    public async Task<StoredRow?> GetAsync(string account, string rowKey, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(account, rowKey, cancellationToken: ct);
        return response.HasValue ? StoredRow.From(response.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredRow>> ListAsync(string account, string prefix, CancellationToken ct)
    {
        var rows = new List<StoredRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(ConfigRows.PrefixFilter(account, prefix), cancellationToken: ct))
        {
            rows.Add(StoredRow.From(e));
        }

        return rows;
    }

    /// <summary>Every account's row <paramref name="rowKey"/> (a scan by row key: for timers, not the call path), as (account, row).</summary>
    public async Task<IReadOnlyList<(string Account, StoredRow Row)>> AcrossAccountsAsync(string rowKey, CancellationToken ct)
    {
        var rows = new List<(string, StoredRow)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {rowKey}"), cancellationToken: ct))
        {
            rows.Add((e.PartitionKey, StoredRow.From(e)));
        }

        return rows;
    }

    /// <summary>One small point read: the account's version, or null when the account does not exist.</summary>
    public async Task<long?> GetVersionAsync(string account, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(account, ConfigRows.Meta, [ConfigRows.VersionProperty], ct);
        return response.HasValue ? response.Value!.GetInt64(ConfigRows.VersionProperty) ?? 0 : null;
    }

    /// <summary>Every row the call path needs (row keys below '~'), in one range query.</summary>
    public async Task<IReadOnlyList<TableEntity>> LoadSnapshotRowsAsync(string account, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {account} and RowKey lt {ConfigRows.PrivateFloor}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(e);
        }

        return rows;
    }

    /// <summary>
    /// Reads <paramref name="readKeys"/> (and the version row), asks <paramref name="decide"/> for the change, and commits
    /// it atomically with one audit row. <paramref name="decide"/> may run more than once (after a concurrent write).
    /// </summary>
    public async Task<WriteResult> WriteAsync(
        string account,
        IReadOnlyList<string> readKeys,
        Func<IReadOnlyDictionary<string, StoredRow?>, ConfigChange> decide,
        AuditActor actor,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var metaTask = GetAsync(account, ConfigRows.Meta, ct);
            var readTasks = readKeys.Distinct(StringComparer.Ordinal).Select(k => GetAsync(account, k, ct)).ToList();
            var meta = await metaTask;
            var current = new Dictionary<string, StoredRow?>(StringComparer.Ordinal);
            foreach (var (key, task) in readKeys.Distinct(StringComparer.Ordinal).Zip(readTasks))
            {
                current[key] = await task;
            }

            var change = decide(current);
            var version = meta?.Entity.GetInt64(ConfigRows.VersionProperty) ?? 0;
            if (change.Outcome != WriteOutcome.Done)
            {
                return new WriteResult(change.Outcome, new Dictionary<string, ETag>(), version, change);
            }

            var (actions, keys) = BuildActions(account, current, change, meta, version, actor);
            try
            {
                var response = await Table.SubmitTransactionAsync(actions, ct);
                if (change.Events is not null)
                {
                    outbox?.Nudge();
                }

                var etags = new Dictionary<string, ETag>(StringComparer.Ordinal);
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i] is { } key && response.Value[i].Headers.ETag is { } etag)
                    {
                        etags[key] = etag;
                    }
                }

                return new WriteResult(WriteOutcome.Done, etags, change.BumpVersion ? version + 1 : version, change);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                LogWriteRaced(log, account, change.Action, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, ct);
            }
        }
    }

    private (List<TableTransactionAction> Actions, List<string?> Keys) BuildActions(
        string account, Dictionary<string, StoredRow?> current, ConfigChange change, StoredRow? meta, long version, AuditActor actor)
    {
        var actions = new List<TableTransactionAction>();
        var keys = new List<string?>();
        foreach (var row in change.Rows)
        {
            var known = current.TryGetValue(row.RowKey, out var existing);
            if (row.Delete)
            {
                if (existing is not null)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, existing.Entity, existing.ETag));
                    keys.Add(null);
                }

                continue;
            }

            var entity = row.ToEntity(account);
            actions.Add(existing is not null
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, existing.ETag)
                : new TableTransactionAction(known ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, entity));
            keys.Add(row.RowKey);
        }

        if (change.BumpVersion)
        {
            var metaEntity = new TableEntity(account, ConfigRows.Meta) { [ConfigRows.VersionProperty] = version + 1 };
            actions.Add(meta is null
                ? new TableTransactionAction(TableTransactionActionType.Add, metaEntity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, metaEntity, meta.ETag));
            keys.Add(null);
        }

        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, AuditRow(account, change, actor)));
        keys.Add(null);
        if (change.Events is not null)
        {
            if (outbox is null || !change.BumpVersion)
            {
                throw new InvalidOperationException($"{change.Action} raises events: it needs the event outbox and a version bump");
            }

            foreach (var action in outbox.EnqueueActions(change.Events(version + 1)))
            {
                actions.Add(action);
                keys.Add(null);
            }
        }

        return (actions, keys);
    }

    private TableEntity AuditRow(string account, ConfigChange change, AuditActor actor)
    {
        var at = time.GetUtcNow();
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(account, ConfigRows.AuditPrefix + inverted + "|" + Guid.NewGuid().ToString("N")[..12])
        {
            ["At"] = at,
            ["Who"] = actor.Who,
            ["Role"] = actor.Role,
            ["Channel"] = actor.Channel,
            ["Action"] = change.Action,
            ["Resource"] = change.Resource,
        };
        if (change.Note is not null)
        {
            entity["Note"] = change.Note;
        }

        DocumentColumns.Write(entity, "Before", change.Before);
        DocumentColumns.Write(entity, "After", change.After);
        return entity;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Write {Action} on account {Account} raced another writer (attempt {Attempt}); retrying")]
    private static partial void LogWriteRaced(ILogger logger, string account, string action, int attempt);
}
