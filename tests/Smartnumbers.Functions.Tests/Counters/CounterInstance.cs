using Microsoft.Extensions.Logging.Abstractions;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Tests.Counters;

/// <summary>One app instance's counters, from the parts the app registers: its shard, the row writer, the history reader.</summary>
internal sealed class CounterInstance(TableStore tables, TimeProvider time) : IDisposable
{
    public CounterShard Shard { get; } = new();

    public TableStore Tables => tables;

    public TimeProvider Time => time;

    public CounterRowWriter Rows => field ??= new CounterRowWriter(tables, Shard, NullLogger<CounterRowWriter>.Instance);

    public ICallerHistory History => field ??= new CallerHistoryReader(tables, Shard);

    public IDivertCap DivertCap => field ??= new TableDivertCap(tables, time, NullLogger<TableDivertCap>.Instance);

    public CallerLabelCounts Labels => field ??= new CallerLabelCounts(tables, time);

    public void Count(CallCount call) => Shard.Count(call);

    public Task FlushAsync(string? deadLetters = null) => Rows.FlushAsync(deadLetters, time, CancellationToken.None);

    /// <summary>Counts one call and writes it at once.</summary>
    public async Task RecordCallAsync(CallCount call)
    {
        Count(call);
        await FlushAsync();
    }

    public Task<CallerHistory> GetHistoryAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true) =>
        History.GetAsync(accountId, caller, calledNumber, at, withheldToNumber);

    public int SaveUnwritten(string folder) => Rows.SaveUnwritten(folder);

    public Task ReplaySavedAsync(string folder) => Rows.ReplaySavedAsync(folder, CancellationToken.None);

    /// <summary>The flusher the writer drives, keeping its files in <paramref name="folder"/>.</summary>
    public CounterFlusher Flusher(string folder, TimeSpan? every = null) =>
        new(Shard, Rows, folder, every ?? TimeSpan.FromMilliseconds(100), time, NullLogger.Instance);

    public CounterBacklog Backlog(string folder) => Flusher(folder).Backlog();

    public void Dispose() => Rows.Dispose();
}
