using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Events;

/// <summary>
/// Publishes what is pending in every outbox table, oldest first, in batches; a row is deleted only after Event Grid
/// accepted it, so a failure leaves it for the next attempt (at-least-once, same id).
/// </summary>
internal sealed partial class OutboxPublisher(
    TableStore store,
    IEnumerable<OutboxTable> tables,
    ICloudEventSender sender,
    IOptions<EventGridOptions> options,
    ILogger<OutboxPublisher> log) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _remaining;

    /// <summary>Rows left pending by the last publish pass (the <c>smartnumbers.outbox.pending</c> gauge).</summary>
    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>Publishes everything pending; returns how many were published and how many remain.</summary>
    public async Task<OutboxPublishResult> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var published = 0;
            var remaining = 0;
            string? error = null;
            foreach (var name in tables.Select(t => t.Name).Distinct(StringComparer.Ordinal))
            {
                var rows = await PendingAsync(store.Table(name), cancellationToken);
                if (!sender.IsConfigured || error is not null)
                {
                    remaining += rows.Count;
                    continue;
                }

                var batchSize = Math.Clamp(options.Value.BatchSize, 1, 100);
                foreach (var batch in rows.Chunk(batchSize))
                {
                    if (error is not null)
                    {
                        remaining += batch.Length;
                        continue;
                    }

                    try
                    {
                        await sender.SendAsync(batch.Select(OutboxRow.FromEntity).ToList(), cancellationToken);
                    }
                    catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                    {
                        error = ex.Message;
                        remaining += batch.Length;
                        LogPublishFailed(log, batch.Length, ex.Message);
                        continue;
                    }

                    foreach (var row in batch)
                    {
                        await store.Table(name).DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                    }

                    published += batch.Length;
                }
            }

            Volatile.Write(ref _remaining, remaining);
            return new OutboxPublishResult(published, remaining, sender.IsConfigured, error);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<List<TableEntity>> PendingAsync(TableClient table, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(OutboxRow.Filter, cancellationToken: ct))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is not created yet: nothing is pending.
        }

        return rows.OrderBy(r => r.GetDateTimeOffset("Time")).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Grid did not accept {Count} events ({Error}); they stay in the outbox")]
    private static partial void LogPublishFailed(ILogger logger, int count, string error);
}
