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
/// </summary>
public sealed class CallRecordStore(TableStore store, IEventOutbox? outbox = null)
{
    public const string RecordsTable = "CallRecords";
    public const string OutcomesTable = "DeliveryOutcomes";

    private TableClient Records => store.Table(RecordsTable);

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

    /// <summary>One call's record, or null.</summary>
    public async Task<CallRecord?> GetAsync(string accountId, string callId, CancellationToken ct)
    {
        var index = await Records.GetEntityIfExistsAsync<TableEntity>(CallRecordEntities.IndexPartition(callId), "", cancellationToken: ct);
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
        var pk = TableKeys.Safe(accountId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        if (to is { } t)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {TableKeys.Inverted(t.AddTicks(-1))}");
        }

        if (from is { } f)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {TableKeys.Inverted(f) + "`"}");
        }

        await foreach (var e in Records.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (CallRecordEntities.ToRecord(e) is { } record)
            {
                yield return record;
            }
        }
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
        var indexKey = CallRecordEntities.IndexPartition(record.CallId);
        var index = new TableEntity(indexKey, "") { ["AccountId"] = record.AccountId, ["RecordKey"] = entity.RowKey };
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
            var existing = (await Records.GetEntityAsync<TableEntity>(indexKey, "", cancellationToken: ct)).Value;
            if (existing.GetString("RecordKey") is { } key && existing.GetString("AccountId") is { } account)
            {
                entity.PartitionKey = TableKeys.Safe(account);
                entity.RowKey = key;
            }
            else
            {
                await Records.UpsertEntityAsync(index, TableUpdateMode.Merge, ct);
                existing = (await Records.GetEntityAsync<TableEntity>(indexKey, "", cancellationToken: ct)).Value;
            }

            followUps = CallRecordEntities.FollowUpsOn(existing);
        }

        foreach (var (key, value) in followUps)
        {
            entity[key] = value;
        }

        await Records.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct);
    }

    private async Task ApplyFollowUpAsync(CallEvent ev, string? accountId, DateTimeOffset? startedAt, CancellationToken ct)
    {
        var properties = CallRecordEntities.FollowUp(ev);
        var indexKey = CallRecordEntities.IndexPartition(ev.CallId);
        await Records.UpsertEntityAsync(new TableEntity(properties) { PartitionKey = indexKey, RowKey = "" }, TableUpdateMode.Merge, ct);

        string pk, rk;
        if (accountId is not null && startedAt is { } started)
        {
            (pk, rk) = (TableKeys.Safe(accountId), CallRecordEntities.RecordKey(started, ev.CallId));
        }
        else
        {
            var index = await Records.GetEntityAsync<TableEntity>(indexKey, "", cancellationToken: ct);
            if (index.Value.GetString("AccountId") is not { } account || index.Value.GetString("RecordKey") is not { } key)
            {
                return; // The record is not written yet; it copies these properties from the index when it is.
            }

            (pk, rk) = (TableKeys.Safe(account), key);
        }

        // An upsert: when the record is not written yet this makes a partial row that the record's own write
        // completes, and that readers skip until then.
        await Records.UpsertEntityAsync(new TableEntity(properties) { PartitionKey = pk, RowKey = rk }, TableUpdateMode.Merge, ct);
    }
}
