using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Operators' fraud/genuine labels. A label is kept three ways: on the call record (property Label), as a training
/// example in table CallLabels (PartitionKey = account, RowKey = call id: label, caller, called number, start time and
/// the record's Call DNA attributes as JSON) for <c>model:refit</c>, and in the caller's label counters, which the decision reads as
/// CallerHistory.PriorFraudLabels/PriorGenuineLabels. Relabelling with the same label changes nothing; with the other
/// label it counts the new one (counters only ever grow). The Twilio adapter's cached figures of the caller are dropped
/// on this instance; other instances serve theirs for at most <see cref="CallerHistoryCache.FreshFor"/>.
/// </summary>
internal sealed class CallLabels(TableStore store, CallerLabelCounts counters, TimeProvider time, CallerHistoryCache? histories = null)
{
    public const string Table = "CallLabels";

    private TableClient Labels => store.Table(Table);

    private TableClient Records => store.Table(CallRecordStore.RecordsTable);

    /// <summary>The label stored before (null when none). Stores the new one and counts it against the caller.</summary>
    public async Task<string?> LabelAsync(string accountId, CallRecord record, string label, string who, CancellationToken ct)
    {
        var pk = TableKeys.Safe(accountId);
        var rk = TableKeys.Safe(record.CallId);
        var before = (await Labels.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct)) is { HasValue: true } row
            ? row.Value!.GetString("Label")
            : record.Label;
        var attributes = record.Risk?.Attributes ?? new Dictionary<string, double>();
        await Labels.UpsertEntityAsync(new TableEntity(pk, rk)
        {
            ["Label"] = label,
            ["Caller"] = CallerOf(record),
            ["CalledNumber"] = record.CalledNumber,
            ["StartedAt"] = record.StartedAt,
            ["Attributes"] = JsonSerializer.Serialize(attributes, CallsJsonContext.Default.IReadOnlyDictionaryStringDouble),
            ["LabelledAt"] = time.GetUtcNow(),
            ["LabelledBy"] = who,
        }, TableUpdateMode.Replace, ct);

        var (ipk, irk) = CallRecordEntities.IndexKeys(record.CallId);
        var index = await Records.GetEntityAsync<TableEntity>(ipk, irk, cancellationToken: ct);
        if (index.Value.GetString("RecordKey") is { } recordKey)
        {
            await Records.UpsertEntityAsync(new TableEntity(pk, recordKey) { ["Label"] = label }, TableUpdateMode.Merge, ct);
        }

        if (before != label && CallerOf(record) is { } caller)
        {
            await counters.RecordAsync(accountId, caller, label == "fraud", ct);
            histories?.Forget(accountId, caller); // This instance's next call from the caller reads the new count.
        }

        return before;
    }

    /// <summary>
    /// The account's labelled calls that started at or after <paramref name="since"/>, for refitting. Calls rejected
    /// before scoring (block list, ACR, ICR) are left out: their records hold no attributes, and as all-zero vectors
    /// they would teach the model that a clean call is fraud.
    /// </summary>
    public async IAsyncEnumerable<LabelledCall> ExamplesAsync(string accountId, DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(accountId)}");
        await foreach (var e in Labels.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var at = e.GetDateTimeOffset("StartedAt") ?? e.GetDateTimeOffset("LabelledAt") ?? e.Timestamp ?? DateTimeOffset.MinValue;
            if (at < since || e.GetString("Attributes") is not { } json || e.GetString("Label") is not { } label)
            {
                continue;
            }

            var attributes = JsonSerializer.Deserialize(json, CallsJsonContext.Default.IReadOnlyDictionaryStringDouble);
            if (attributes is { Count: > 0 })
            {
                yield return new LabelledCall(attributes, label == "fraud") { At = at, CalledNumber = e.GetString("CalledNumber") };
            }
        }
    }

    /// <summary>The caller identity the counters use (presentation, else network), as the adapters key it; null when withheld.</summary>
    public static string? CallerOf(CallRecord record) =>
        record.Withheld ? null : record.PresentationNumber ?? record.NetworkNumber; // As the adapters key the caller's counters.
}
