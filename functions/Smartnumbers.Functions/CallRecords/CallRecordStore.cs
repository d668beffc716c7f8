using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Reads and writes call records and delivery outcomes in Table Storage (layout in <see cref="CallRecordEntities"/>
/// and <see cref="DeliveryOutcome"/>). Writes are merge-upserts keyed by call id (+ step), so applying an event twice,
/// or events in any order, converges on the same record. Used off the call path, through <see cref="CallRecordWriter"/>.
/// Every write of a record is followed by <see cref="CallHourRollups.MarkWrittenAsync"/>, which marks the roll-up of a
/// closed hour stale (nothing for the open hour's records).
/// </summary>
public sealed partial class CallRecordStore(TableStore store, CallHourRollups rollups, IEventOutbox? outbox = null)
{
    public const string RecordsTable = "CallRecords";
    public const string OutcomesTable = "DeliveryOutcomes";

    private const int MaxBatch = 100; // Operations per Table Storage transaction.

    private TableClient Records => store.Table(RecordsTable);

    /// <summary>The storage account written to, as a folder name (<see cref="TableStore.AccountTag"/>).</summary>
    public string AccountTag => store.AccountTag;

    private TableClient Outcomes => store.Table(OutcomesTable);

    /// <summary>Writes one event. Throws the storage exception when storage fails (the writer retries).</summary>
    public async Task ApplyAsync(CallEvent ev, CancellationToken ct)
    {
        switch (ev)
        {
            case CallStarted started:
                await ApplyStartedAsync(started.Record, ct);
                if (outbox is not null && CallNotifications.For(started.Record) is { Count: > 0 } events)
                {
                    // After the record: a retry re-enqueues the same ids, which the outbox ignores.
                    await outbox.EnqueueAsync(events, ct);
                }

                break;
            case CallStepEnded step:
                await ApplyFollowUpAsync(ev, step.AccountId, step.StartedAt, ct);
                var outcomes = step.Outcome.Destinations.Distinct(StringComparer.Ordinal)
                    .Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                        CallRecordEntities.Outcome(step.AccountId, step.Carrier, step.CallId, step.Outcome, d)))
                    .ToList();
                if (outcomes.Count > 0)
                {
                    await Outcomes.SubmitTransactionAsync(outcomes, ct);
                }

                break;
            case CallEnded ended:
                await ApplyFollowUpAsync(ev, ended.AccountId, ended.StartedAt, ct);
                break;
            case CallCounted:
                break; // Counters, not records: see CallRecordWriter.
            default:
                throw new ArgumentOutOfRangeException(nameof(ev), ev.GetType().Name, "unknown call event");
        }
    }

    /// <summary>
    /// Writes many <see cref="CallStarted"/> events in few round trips: the index rows of each index partition added in one
    /// transaction, then the records of each account upserted in one. A chunk whose transaction finds an index row
    /// already there (a retry, a retried webhook, follow-ups that landed first), and calls that appear twice in the
    /// batch, are written one by one as <see cref="ApplyAsync"/> does. Throws the storage exception when storage fails:
    /// writing the whole batch again is safe.
    /// </summary>
    public async Task ApplyStartedAsync(IReadOnlyList<CallStarted> batch, CancellationToken ct)
    {
        var oneByOne = new List<CallStarted>();
        var fresh = new List<CallStarted>(batch.Count);
        foreach (var call in batch.GroupBy(e => e.CallId, StringComparer.Ordinal))
        {
            if (call.Skip(1).Any())
            {
                oneByOne.AddRange(call);
            }
            else
            {
                fresh.Add(call.First());
            }
        }

        var indexed = new List<(CallStarted Event, TableEntity Record)>(fresh.Count);
        foreach (var chunk in fresh.GroupBy(e => CallRecordEntities.IndexKeys(e.CallId).Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)))
        {
            var rows = chunk.Select(e => (Event: e, Record: CallRecordEntities.Record(e.Record))).ToList();
            try
            {
                await Records.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, IndexRow(r.Event.Record, r.Record))), ct);
                indexed.AddRange(rows);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                oneByOne.AddRange(chunk);
            }
        }

        foreach (var chunk in indexed.GroupBy(r => r.Record.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)))
        {
            await Records.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, r.Record)), ct);
        }

        await rollups.MarkWrittenAsync(indexed.Select(r => (r.Record.PartitionKey, r.Record.RowKey)), ct);

        if (outbox is not null && indexed.SelectMany(r => CallNotifications.For(r.Event.Record)).ToList() is { Count: > 0 } events)
        {
            await outbox.EnqueueAsync(events, ct);
        }

        foreach (var started in oneByOne)
        {
            await ApplyAsync(started, ct);
        }
    }

    /// <summary>One call's record, or null.</summary>
    public async Task<CallRecord?> GetAsync(string accountId, string callId, CancellationToken ct)
    {
        var (ipk, irk) = CallRecordEntities.IndexKeys(callId);
        var index = await Records.GetEntityIfExistsAsync<TableEntity>(ipk, irk, cancellationToken: ct);
        if (!index.HasValue || index.Value!.GetString("AccountId") != accountId || index.Value.GetString("RecordKey") is not { } key)
        {
            return null;
        }

        var row = await Records.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(accountId), key, cancellationToken: ct);
        return row.HasValue ? CallRecordEntities.ToRecord(row.Value!) : null;
    }

    /// <summary>An account's calls newest first, optionally within [from, to).</summary>
    public async IAsyncEnumerable<CallRecord> ListAsync(string accountId, DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in Records.QueryAsync<TableEntity>(RangeFilter(accountId, from, to), cancellationToken: ct))
        {
            if (CallRecordEntities.ToRecord(e) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// How many of the account's calls since <paramref name="since"/> reached scoring: every decided call but the rejects
    /// (screening and unknown numbers reject before the Call DNA score). Reads one column of each record, a page at a time.
    /// </summary>
    public async Task<long> CountScoredAsync(string accountId, DateTimeOffset since, CancellationToken ct)
    {
        var filter = RangeFilter(accountId, since, null) + " and Action ne 'reject'";
        long count = 0;
        await foreach (var _ in Records.QueryAsync<TableEntity>(filter, select: ["Action"], cancellationToken: ct))
        {
            count++;
        }

        return count;
    }

    private static string RangeFilter(string accountId, DateTimeOffset? from, DateTimeOffset? to)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(accountId)}");
        if (to is { } t)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {TableKeys.Inverted(t.AddTicks(-1))}");
        }

        if (from is { } f)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {TableKeys.Inverted(f) + "`"}");
        }

        return filter;
    }

    /// <summary>A destination's delivery outcomes newest first, optionally only since <paramref name="since"/>.</summary>
    public async IAsyncEnumerable<DeliveryOutcome> OutcomesAsync(string accountId, string destination, DateTimeOffset? since, [EnumeratorCancellation] CancellationToken ct)
    {
        var prefix = TableKeys.Safe(destination) + "|";
        var upper = since is { } s ? prefix + TableKeys.Inverted(s) + "}" : prefix + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(accountId)} and RowKey gt {prefix} and RowKey lt {upper}");
        await foreach (var e in Outcomes.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            yield return CallRecordEntities.ToOutcome(e);
        }
    }

    private async Task ApplyStartedAsync(CallRecord record, CancellationToken ct)
    {
        var entity = CallRecordEntities.Record(record);
        var (ipk, irk) = CallRecordEntities.IndexKeys(record.CallId);
        var index = IndexRow(record, entity);
        Dictionary<string, object> followUps = [];
        try
        {
            // The common case: the first event of the call. Any follow-up from now on finds the record's keys here.
            await Records.AddEntityAsync(index, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A retry of this event, a retried webhook (another instance, another arrival time), or follow-ups that
            // landed first: keep the record key already chosen, and copy the follow-ups waiting on the index.
            var existing = (await Records.GetEntityAsync<TableEntity>(ipk, irk, cancellationToken: ct)).Value;
            if (existing.GetString("RecordKey") is { } key && existing.GetString("AccountId") is { } account)
            {
                entity.PartitionKey = TableKeys.Safe(account);
                entity.RowKey = key;
                if (TableKeys.FromInverted(key) is { } firstArrival)
                {
                    entity["StartedAt"] = firstArrival; // The call started at its first arrival, which the key records.
                }
            }
            else
            {
                await Records.UpsertEntityAsync(index, TableUpdateMode.Merge, ct);
                existing = (await Records.GetEntityAsync<TableEntity>(ipk, irk, cancellationToken: ct)).Value;
            }

            followUps = CallRecordEntities.FollowUpsOn(existing);
        }

        foreach (var (key, value) in followUps)
        {
            entity[key] = value;
        }

        await Records.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct);
        await rollups.MarkWrittenAsync([(entity.PartitionKey, entity.RowKey)], ct);
    }

    private static TableEntity IndexRow(CallRecord record, TableEntity recordRow)
    {
        var (ipk, irk) = CallRecordEntities.IndexKeys(record.CallId);
        return new TableEntity(ipk, irk) { ["AccountId"] = record.AccountId, ["RecordKey"] = recordRow.RowKey };
    }

    private async Task ApplyFollowUpAsync(CallEvent ev, string? accountId, DateTimeOffset? startedAt, CancellationToken ct)
    {
        var properties = CallRecordEntities.FollowUp(ev);
        var (ipk, irk) = CallRecordEntities.IndexKeys(ev.CallId);
        await Records.UpsertEntityAsync(new TableEntity(properties) { PartitionKey = ipk, RowKey = irk }, TableUpdateMode.Merge, ct);

        string pk, rk;
        if (accountId is not null && startedAt is { } started)
        {
            (pk, rk) = (TableKeys.Safe(accountId), CallRecordEntities.RecordKey(started, ev.CallId));
        }
        else
        {
            var index = await Records.GetEntityAsync<TableEntity>(ipk, irk, cancellationToken: ct);
            if (index.Value.GetString("AccountId") is not { } account || index.Value.GetString("RecordKey") is not { } key)
            {
                return; // The record is not written yet; it copies these properties from the index when it is.
            }

            (pk, rk) = (TableKeys.Safe(account), key);
        }

        // An upsert: when the record is not written yet this makes a partial row that the record's own write
        // completes, and that readers skip until then.
        await Records.UpsertEntityAsync(new TableEntity(properties) { PartitionKey = pk, RowKey = rk }, TableUpdateMode.Merge, ct);
        await rollups.MarkWrittenAsync([(pk, rk)], ct);
    }
}
