using Azure;
using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// Deletes the call counters' rows of days no figure reads any more (layout in <see cref="CounterKeys"/>): caller and
/// withheld day rows and hourly divert rows older than <see cref="KeepDays"/> days. Labels rows are kept: they are the
/// caller's standing history.
/// </summary>
internal sealed class CounterPurge(TableStore store)
{
    /// <summary>Days of counter rows kept (today included): the figures use today's, the rest is for anyone looking back.</summary>
    public const int KeepDays = 7;

    private const int MaxBatch = 100;

    private TableClient Table => store.Table(CounterKeys.Table);

    /// <summary>Deletes the rows of days before <paramref name="now"/> − (<see cref="KeepDays"/> − 1); returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var firstKept = CounterKeys.DayRow(now.AddDays(1 - KeepDays));
        // Day rows start with the 8-digit day; divert rows with "divert|" and the day. Labels rows ("labels|…") match neither.
        var filter = $"(RowKey ge '0' and RowKey lt '{firstKept}') or (RowKey ge 'divert|' and RowKey lt 'divert|{firstKept}')";
        var old = new List<TableEntity>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            old.Add(e);
        }

        foreach (var chunk in old.GroupBy(e => e.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var e in chunk) // One of them went meanwhile (another instance's purge): the rest one by one.
                {
                    try
                    {
                        await Table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, ct);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
        }

        return old.Count;
    }
}
