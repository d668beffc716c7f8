using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary><see cref="ICallCounters"/> and <see cref="IDivertCap"/> over table <see cref="CounterKeys.Table"/>.</summary>
internal sealed partial class TableCallCounters(TableStore store, TimeProvider time, ILogger<TableCallCounters> log) : ICallCounters, IDivertCap
{
    private TableClient Table => store.Table(CounterKeys.Table);

    public async Task<CallerHistory> GetHistoryAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var day = CounterKeys.DayRow(at);
        var numberTask = Table.GetEntityIfExistsAsync<TableEntity>(CounterKeys.Number(accountId, calledNumber), day, cancellationToken: cancellationToken);
        TableEntity? callerDay = null;
        TableEntity? labels = null;
        if (caller is not null)
        {
            // One round trip for both rows of the caller's partition.
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {CounterKeys.Caller(accountId, caller)} and (RowKey eq {day} or RowKey eq {CounterKeys.Labels})");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (row.RowKey == CounterKeys.Labels)
                {
                    labels = row;
                }
                else
                {
                    callerDay = row;
                }
            }
        }

        var number = await numberTask;
        var withheld = number.HasValue ? OptimisticRow.Int(number.Value!, CounterKeys.WithheldInHour(at)) : 0;
        return new CallerHistory(
            callerDay is null ? 0 : OptimisticRow.Int(callerDay, CounterKeys.CallsInHour(at)),
            callerDay is null ? 0 : OptimisticRow.Int(callerDay, CounterKeys.Day),
            callerDay?.GetString(CounterKeys.Numbers) is { Length: > 0 } list ? list.Split(';').Length : 0,
            withheld,
            labels is null ? 0 : OptimisticRow.Int(labels, CounterKeys.Fraud),
            labels is null ? 0 : OptimisticRow.Int(labels, CounterKeys.Genuine));
    }

    public async Task RecordCallAsync(CallCount call, CancellationToken cancellationToken = default)
    {
        var day = CounterKeys.DayRow(call.At);
        var tasks = new List<Task>(2);
        if (call.Caller is { } caller)
        {
            var hour = CounterKeys.CallsInHour(call.At);
            tasks.Add(OptimisticRow.UpdateAsync(Table, CounterKeys.Caller(call.AccountId, caller), day, e =>
            {
                e[hour] = OptimisticRow.Int(e, hour) + 1;
                e[CounterKeys.Day] = OptimisticRow.Int(e, CounterKeys.Day) + 1;
                var numbers = e.GetString(CounterKeys.Numbers) is { Length: > 0 } s ? s.Split(';').ToList() : [];
                if (!numbers.Contains(call.CalledNumber, StringComparer.Ordinal) && numbers.Count < CounterKeys.MaxDistinctNumbers)
                {
                    numbers.Add(call.CalledNumber);
                    e[CounterKeys.Numbers] = string.Join(';', numbers);
                }

                return true;
            }, time, cancellationToken));
        }

        if (call.Withheld)
        {
            var hour = CounterKeys.WithheldInHour(call.At);
            tasks.Add(OptimisticRow.UpdateAsync(Table, CounterKeys.Number(call.AccountId, call.CalledNumber), day, e =>
            {
                e[hour] = OptimisticRow.Int(e, hour) + 1;
                return true;
            }, time, cancellationToken));
        }

        await Task.WhenAll(tasks);
    }

    public Task RecordLabelAsync(string accountId, string caller, bool fraud, CancellationToken cancellationToken = default)
    {
        var property = fraud ? CounterKeys.Fraud : CounterKeys.Genuine;
        return OptimisticRow.UpdateAsync(Table, CounterKeys.Caller(accountId, caller), CounterKeys.Labels, e =>
        {
            e[property] = OptimisticRow.Int(e, property) + 1;
            return true;
        }, time, cancellationToken);
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Divert cap of account {Account} not reachable ({Reason}); routing normally")]
    private static partial void LogCapUnavailable(ILogger logger, string account, string reason);
}
