using Azure;
using Azure.Data.Tables;

namespace Smartnumbers.Functions.Storage;

/// <summary>
/// Read-modify-write of one entity under ETag optimistic concurrency, retried (with jitter) until it wins; and the
/// delete of an entity as it was read.
/// </summary>
internal static class OptimisticRow
{
    private const int MaxAttempts = 300;

    /// <summary>
    /// Applies <paramref name="mutate"/> to the current entity (a new empty one when absent) and writes it if the entity
    /// did not change meanwhile. <paramref name="mutate"/> returns false to write nothing; the result is whether it wrote.
    /// </summary>
    public static async Task<bool> UpdateAsync(TableClient table, string partition, string row, Func<TableEntity, bool> mutate, TimeProvider time, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
            var entity = current.HasValue ? current.Value! : new TableEntity(partition, row);
            if (!mutate(entity))
            {
                return false;
            }

            try
            {
                if (current.HasValue)
                {
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await table.AddEntityAsync(entity, ct);
                }

                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404 && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 3)), time, ct);
            }
        }
    }

    /// <summary>Deletes <paramref name="read"/> if it has not changed since it was read (its ETag); false when it is gone or changed.</summary>
    public static async Task<bool> DeleteIfUnchangedAsync(TableClient table, TableEntity read, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(read.PartitionKey, read.RowKey, read.ETag, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public static int Int(TableEntity entity, string name) => entity.GetInt32(name) ?? 0;
}
