using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>The follow-up events of many calls (<see cref="CallStepEnded"/>, <see cref="CallEnded"/>) in few round trips.</summary>
public sealed partial class CallRecordStore
{
    /// <summary>The most discrete comparisons Table Storage allows in one query filter.</summary>
    private const int MaxComparisons = 15;

    /// <summary>
    /// Writes many follow-up events at once, with what one by one <see cref="ApplyAsync"/> writes: the calls' index rows
    /// merged in one transaction per index partition; the record keys of calls whose events do not carry them read from
    /// their index rows, 15 to a query; the records merged in one transaction per account; the delivery outcomes upserted
    /// in one transaction per account. A call's follow-ups in the batch are merged first (they set different properties).
    /// Throws the storage exception when storage fails or refuses: writing the whole batch again is safe (every write is
    /// a merge or a whole-row upsert), and a refused batch is written again one by one by the writer.
    /// </summary>
    public async Task ApplyFollowUpsAsync(IReadOnlyList<CallEvent> events, CancellationToken ct)
    {
        var calls = new Dictionary<string, FollowUps>(StringComparer.Ordinal);
        var outcomes = new Dictionary<(string Partition, string Row), TableEntity>();
        foreach (var ev in events)
        {
            var (account, started) = ev switch
            {
                CallStepEnded s => (s.AccountId, s.StartedAt),
                CallEnded e => (e.AccountId, e.StartedAt),
                _ => throw new ArgumentOutOfRangeException(nameof(events), ev.GetType().Name, "not a follow-up event"),
            };
            if (!calls.TryGetValue(ev.CallId, out var call))
            {
                calls[ev.CallId] = call = new FollowUps(ev.CallId, CallRecordEntities.IndexKeys(ev.CallId));
            }

            foreach (var (key, value) in CallRecordEntities.FollowUp(ev))
            {
                call.Properties[key] = value;
            }

            if (account is not null && started is { } at)
            {
                call.RecordAt ??= (TableKeys.Safe(account), CallRecordEntities.RecordKey(at, ev.CallId));
            }

            if (ev is CallStepEnded step)
            {
                foreach (var destination in step.Outcome.Destinations)
                {
                    var row = CallRecordEntities.Outcome(step.AccountId, step.Carrier, step.CallId, step.Outcome, destination);
                    outcomes[(row.PartitionKey, row.RowKey)] = row;
                }
            }
        }

        await MergeAsync(Records, calls.Values.Select(c => c.Row(c.Index)), ct);
        await FindRecordKeysAsync([.. calls.Values.Where(c => c.RecordAt is null)], ct);
        await MergeAsync(Records, calls.Values.Where(c => c.RecordAt is not null).Select(c => c.Row(c.RecordAt!.Value)), ct);
        await rollups.MarkWrittenAsync(calls.Values.Where(c => c.RecordAt is not null).Select(c => c.RecordAt!.Value), ct);
        foreach (var chunk in outcomes.Values.GroupBy(o => o.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)))
        {
            await Outcomes.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, o)), ct);
        }
    }

    /// <summary>Merges <paramref name="rows"/>, one transaction per partition (100 rows at most).</summary>
    private static async Task MergeAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, r)), ct);
        }
    }

    /// <summary>Fills <see cref="FollowUps.RecordAt"/> from the index rows; a call whose record is not written yet keeps none (the record copies the follow-ups from its index row when it lands).</summary>
    private async Task FindRecordKeysAsync(List<FollowUps> calls, CancellationToken ct)
    {
        foreach (var chunk in calls.GroupBy(c => c.Index.Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxComparisons)))
        {
            var byRow = chunk.ToDictionary(c => c.Index.Row, StringComparer.Ordinal);
            var rows = string.Join(" or ", chunk.Select(c => TableClient.CreateQueryFilter($"RowKey eq {c.Index.Row}")));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {chunk[0].Index.Partition}") + " and (" + rows + ")";
            await foreach (var index in Records.QueryAsync<TableEntity>(filter, select: ["RowKey", "AccountId", "RecordKey"], cancellationToken: ct))
            {
                if (byRow.TryGetValue(index.RowKey, out var call) && index.GetString("AccountId") is { } account && index.GetString("RecordKey") is { } key)
                {
                    call.RecordAt = (TableKeys.Safe(account), key);
                }
            }
        }
    }

    /// <summary>One call's follow-ups in a batch: the properties they set, and where its record is when known.</summary>
    private sealed class FollowUps(string callId, (string Partition, string Row) index)
    {
        public string CallId { get; } = callId;

        public (string Partition, string Row) Index { get; } = index;

        public Dictionary<string, object> Properties { get; } = new(StringComparer.Ordinal);

        public (string Partition, string Row)? RecordAt { get; set; }

        public TableEntity Row((string Partition, string Row) at) =>
            new(new Dictionary<string, object>(Properties, StringComparer.Ordinal)) { PartitionKey = at.Partition, RowKey = at.Row };
    }
}
