using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// <see cref="ICallerHistory"/> over table <see cref="CounterKeys.Table"/>: sums the shard rows of every instance, with
/// this instance's own rows (<see cref="CounterShard"/>) taken from memory, where they are newest. A read selects only
/// the properties the call's clock hour needs, and its rows are turned into figures once, when read.
/// </summary>
internal sealed class CallerHistoryReader(TableStore store, CounterShard shard) : ICallerHistory
{
    private TableClient Table => store.Table(CounterKeys.Table);

    public async Task<StoredCounters> ReadAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default)
    {
        var hour = at.UtcDateTime.Hour;
        var withheldRead = withheldToNumber || caller is null;
        var withheldTask = withheldRead
            ? RowsAsync(CounterKeys.WithheldPartition(accountId), CounterKeys.WithheldDayPrefix(at, calledNumber), null, CounterKeys.WithheldInHour(hour), cancellationToken)
            : Task.FromResult(new Rows([], 0, 0));
        var callerRows = caller is null
            ? new Rows([], 0, 0)
            : await RowsAsync(CounterKeys.CallerPartition(accountId, caller), CounterKeys.CallerDayPrefix(at, caller), CounterKeys.LabelsRow(caller), CounterKeys.CallsInHour(hour), cancellationToken);
        return new StoredCounters(accountId, caller, calledNumber, at, withheldRead, callerRows.Figures, (await withheldTask).Figures, callerRows.Fraud, callerRows.Genuine);
    }

    public CallerHistory Figures(StoredCounters stored, DateTimeOffset at)
    {
        var hour = at.UtcDateTime.Hour;
        var calls = new Sum();
        if (stored.Caller is { } caller)
        {
            calls.Add(stored.CallerRows, shard.OwnFigures(stored.AccountId, caller, withheld: false, at, hour));
        }

        var withheld = new Sum();
        if (stored.WithheldRead)
        {
            withheld.Add(stored.WithheldRows, shard.OwnFigures(stored.AccountId, stored.CalledNumber, withheld: true, at, hour));
        }

        return new CallerHistory(calls.InHour, calls.Day, calls.DistinctNumbers, withheld.InHour, stored.FraudLabels, stored.GenuineLabels);
    }

    private sealed record Rows(List<RowFigures> Figures, int Fraud, int Genuine);

    /// <summary>The stored rows of <paramref name="partition"/> under <paramref name="rowPrefix"/> (and the labels row <paramref name="labelsRow"/>), as figures for the hour property <paramref name="hourProperty"/>.</summary>
    private async Task<Rows> RowsAsync(string partition, string rowPrefix, string? labelsRow, string hourProperty, CancellationToken ct)
    {
        var rowFilter = TableClient.CreateQueryFilter($"RowKey ge {rowPrefix} and RowKey lt {CounterKeys.PrefixEnd(rowPrefix)}");
        if (labelsRow is not null)
        {
            rowFilter = "(" + rowFilter + ") or " + TableClient.CreateQueryFilter($"RowKey eq {labelsRow}");
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and (" + rowFilter + ")";
        string[] select = labelsRow is null
            ? ["RowKey", hourProperty]
            : ["RowKey", hourProperty, CounterKeys.Day, CounterKeys.Numbers, CounterKeys.Fraud, CounterKeys.Genuine];
        var figures = new List<RowFigures>();
        int fraud = 0, genuine = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: ct))
        {
            if (row.RowKey == labelsRow)
            {
                fraud = OptimisticRow.Int(row, CounterKeys.Fraud);
                genuine = OptimisticRow.Int(row, CounterKeys.Genuine);
            }
            else
            {
                var numbers = row.GetString(CounterKeys.Numbers) is { Length: > 0 } s ? s.Split(';') : [];
                figures.Add(new RowFigures(row.RowKey, OptimisticRow.Int(row, hourProperty), OptimisticRow.Int(row, CounterKeys.Day), numbers));
            }
        }

        return new Rows(figures, fraud, genuine);
    }

    /// <summary>Sums over shard rows: stored rows, except those this instance holds in memory, which count as they are now.</summary>
    private sealed class Sum
    {
        private HashSet<string>? _numbers;

        public int InHour { get; private set; }

        public int Day { get; private set; }

        public int DistinctNumbers => _numbers?.Count ?? 0;

        public void Add(IReadOnlyList<RowFigures> stored, List<RowFigures> own)
        {
            foreach (var row in stored)
            {
                if (!own.Exists(o => o.RowKey == row.RowKey))
                {
                    Count(row);
                }
            }

            foreach (var o in own)
            {
                Count(o);
            }
        }

        private void Count(RowFigures row)
        {
            InHour += row.InHour;
            Day += row.Day;
            foreach (var n in row.Numbers)
            {
                _numbers ??= new HashSet<string>(StringComparer.Ordinal);
                if (_numbers.Count >= CounterKeys.MaxDistinctNumbers)
                {
                    break;
                }

                _numbers.Add(n);
            }
        }
    }
}
