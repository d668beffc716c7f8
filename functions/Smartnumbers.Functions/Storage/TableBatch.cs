using Azure.Data.Tables;

namespace Smartnumbers.Functions.Storage;

/// <summary>
/// Upserts rows of one partition in one transaction, keeping out the rows storage refuses outright (400/413: a key or a
/// property it will never take) so that one bad row never holds back the others. Rows whose keys storage would refuse
/// (<see cref="TableKeys.IsValidKey"/>) are kept out before anything is sent; any other refused row is found by the
/// failure's <see cref="TableTransactionFailedException.FailedTransactionActionIndex"/>, or, when storage does not say,
/// by writing the rows one at a time. Any other failure is thrown: nothing refused so far is lost, writing all again is safe.
/// </summary>
internal static class TableBatch
{
    /// <summary>Writes <paramref name="rows"/> (at most 100, one partition); returns those storage refused, with why.</summary>
    public static async Task<List<(T Row, string Reason)>> UpsertAsync<T>(TableClient table, IReadOnlyList<T> rows, Func<T, TableEntity> entity, CancellationToken ct)
    {
        var left = new List<T>(rows.Count);
        var refused = new List<(T Row, string Reason)>();
        foreach (var row in rows)
        {
            var e = entity(row);
            if (TableKeys.IsValidKey(e.PartitionKey) && TableKeys.IsValidKey(e.RowKey))
            {
                left.Add(row);
            }
            else
            {
                refused.Add((row, "400 InvalidKey (over 1 KiB or a character keys may not hold; not sent)"));
            }
        }

        while (left.Count > 0)
        {
            try
            {
                await table.SubmitTransactionAsync(left.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity(r))), ct);
                return refused;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 400 or 413)
            {
                var reason = $"{ex.Status} {ex.ErrorCode}";
                if (ex.FailedTransactionActionIndex is { } i && i >= 0 && i < left.Count)
                {
                    refused.Add((left[i], reason));
                    left.RemoveAt(i);
                }
                else if (left.Count == 1)
                {
                    refused.Add((left[0], reason));
                    left.Clear();
                }
                else
                {
                    foreach (var row in left)
                    {
                        refused.AddRange(await UpsertAsync(table, [row], entity, ct));
                    }

                    return refused;
                }
            }
        }

        return refused;
    }
}
