using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// <see cref="IDivertCap"/> over table <see cref="CounterKeys.Table"/>: row "divert|yyyyMMddHH" of the number's partition,
/// read-modify-written under ETag, so the cap is exact across instances.
/// </summary>
internal sealed partial class TableDivertCap(TableStore store, TimeProvider time, ILogger<TableDivertCap> log) : IDivertCap
{
    private TableClient Table => store.Table(CounterKeys.Table);

    public async ValueTask<bool> TryReserveDivertAsync(string accountId, string calledNumber, int maxPerHour, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (maxPerHour <= 0)
        {
            return false;
        }

        try
        {
            return await OptimisticRow.UpdateAsync(Table, CounterKeys.Number(accountId, calledNumber), CounterKeys.DivertRow(at), e =>
            {
                var count = OptimisticRow.Int(e, CounterKeys.Count);
                if (count >= maxPerHour)
                {
                    return false;
                }

                e[CounterKeys.Count] = count + 1;
                return true;
            }, time, cancellationToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            LogCapUnavailable(log, accountId, ex.Message);
            return false;
        }
    }

    public async ValueTask<int?> DivertsInHourAsync(string accountId, string calledNumber, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(CounterKeys.Number(accountId, calledNumber), CounterKeys.DivertRow(at), [CounterKeys.Count], cancellationToken);
            return row.HasValue ? OptimisticRow.Int(row.Value!, CounterKeys.Count) : 0;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            LogCapUnavailable(log, accountId, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Divert cap of account {Account} not reachable ({Reason}); routing normally")]
    private static partial void LogCapUnavailable(ILogger logger, string account, string reason);
}
