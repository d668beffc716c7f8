using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary><see cref="ICallCounters"/> (sharded, see <see cref="CounterKeys"/>) and <see cref="IDivertCap"/> over table <see cref="CounterKeys.Table"/>.</summary>
internal sealed partial class TableCallCounters(TableStore store, TimeProvider time, ILogger<TableCallCounters> log) : ICallCounters, IDivertCap, IDisposable
{
    private const int MaxBatch = 100; // Operations per Table Storage transaction.
    private readonly CounterShard _shard = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    private TableClient Table => store.Table(CounterKeys.Table);

    public async Task<CallerHistory> GetHistoryAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default) =>
        Figures(await ReadStoredAsync(accountId, caller, calledNumber, at, withheldToNumber, cancellationToken), at);

    public async Task<StoredCounters> ReadStoredAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default)
    {
        var withheldRead = withheldToNumber || caller is null;
        var withheldTask = withheldRead
            ? RowsAsync(CounterKeys.WithheldPartition(accountId), CounterKeys.WithheldDayPrefix(at, calledNumber), null, cancellationToken)
            : Task.FromResult<List<TableEntity>>([]);
        var callerRows = new List<TableEntity>();
        TableEntity? labels = null;
        if (caller is not null)
        {
            // One round trip for the caller's shards of the day and its labels.
            var labelsRow = CounterKeys.LabelsRow(caller);
            foreach (var row in await RowsAsync(CounterKeys.CallerPartition(accountId, caller), CounterKeys.CallerDayPrefix(at, caller), labelsRow, cancellationToken))
            {
                if (row.RowKey == labelsRow)
                {
                    labels = row;
                }
                else
                {
                    callerRows.Add(row);
                }
            }
        }

        return new StoredCounters(accountId, caller, calledNumber, at, withheldRead, callerRows, await withheldTask, labels);
    }

    public CallerHistory Figures(StoredCounters stored, DateTimeOffset at)
    {
        var hour = at.UtcDateTime.Hour;
        var calls = new Figure(CounterKeys.CallsInHour(hour));
        if (stored.CallerRowsAt is var (callerPartition, callerPrefix))
        {
            calls.Add(stored.CallerRows, _shard.OwnFigures(callerPartition, callerPrefix, hour));
        }

        var withheld = new Figure(CounterKeys.WithheldInHour(hour));
        if (stored.WithheldRowsAt is var (withheldPartition, withheldPrefix))
        {
            withheld.Add(stored.WithheldRows, _shard.OwnFigures(withheldPartition, withheldPrefix, hour));
        }

        return new CallerHistory(
            calls.InHour,
            calls.Day,
            calls.Numbers.Count,
            withheld.InHour,
            stored.Labels is null ? 0 : OptimisticRow.Int(stored.Labels, CounterKeys.Fraud),
            stored.Labels is null ? 0 : OptimisticRow.Int(stored.Labels, CounterKeys.Genuine));
    }

    /// <summary>Sums over shard rows: stored rows, with this instance's own rows taken from memory, where they are newest.</summary>
    private sealed class Figure(string hourProperty)
    {
        public int InHour { get; private set; }

        public int Day { get; private set; }

        public HashSet<string> Numbers { get; } = new(StringComparer.Ordinal);

        public void Add(IReadOnlyList<TableEntity> stored, List<OwnFigures> own)
        {
            foreach (var row in stored)
            {
                if (!own.Exists(o => o.RowKey == row.RowKey))
                {
                    Count(OptimisticRow.Int(row, hourProperty), OptimisticRow.Int(row, CounterKeys.Day),
                        row.GetString(CounterKeys.Numbers) is { Length: > 0 } s ? s.Split(';') : []);
                }
            }

            foreach (var o in own)
            {
                Count(o.InHour, o.Day, o.Numbers);
            }
        }

        private void Count(int inHour, int day, IReadOnlyList<string> numbers)
        {
            InHour += inHour;
            Day += day;
            foreach (var n in numbers)
            {
                if (Numbers.Count >= CounterKeys.MaxDistinctNumbers)
                {
                    break;
                }

                Numbers.Add(n);
            }
        }
    }

    public void Count(CallCount call) => _shard.Count(call);

    public void Dispose() => _flushing.Dispose();

    public async Task FlushAsync(string? deadLetters = null, CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var chunks = _shard.Changed().GroupBy(w => w.Row.Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)).ToList();
            await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (chunk, ct) =>
            {
                var refused = await TableBatch.UpsertAsync(Table, chunk, w => w.Entity, ct);
                _shard.Written(chunk); // Refused rows too: storage will never take them, they go to the dead letters.
                if (refused.Count > 0)
                {
                    KeepRefused(deadLetters, [.. refused.Select(r => SavedCounterRow.From(r.Row.Entity) with { Refused = r.Reason })]);
                }
            });
            _shard.Tidy(time.GetUtcNow());
        }
        finally
        {
            _flushing.Release();
        }
    }

    public int SaveUnwritten(string folder)
    {
        // Handed off under a new shard id: counts after this go to new rows, which the file's replay cannot overwrite.
        var writes = _shard.HandOff();
        if (writes.Count == 0)
        {
            return 0;
        }

        SavedCounterFiles.Save(folder, _shard.Id, [.. writes.Select(w => SavedCounterRow.From(w.Entity))]);
        _shard.Written(writes); // The file writes them now; a flush would write the same values again.
        return writes.Count;
    }

    public async Task ReplaySavedAsync(string folder, CancellationToken cancellationToken = default)
    {
        // Files waiting, and files an instance claimed and then died replaying (whole values: replaying one that a live
        // instance is still writing only writes the same rows twice).
        foreach (var found in SavedCounterFiles.ToReplay(folder))
        {
            var replay = found.LastIndexOf(".replay-", StringComparison.Ordinal);
            var file = replay < 0 ? found : found[..replay];
            var claimed = file + ".replay-" + _shard.Id;
            try
            {
                File.Move(found, claimed);
            }
            catch (IOException)
            {
                continue; // Another instance took it.
            }

            if (SavedCounterFiles.Read(claimed) is not { } rows)
            {
                File.Move(claimed, file + ".bad"); // Kept for a look, never read again.
                LogUnreadable(log, file);
                continue;
            }

            try
            {
                var refused = new List<SavedCounterRow>();
                foreach (var chunk in rows.GroupBy(r => r.Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)))
                {
                    refused.AddRange((await TableBatch.UpsertAsync(Table, chunk, r => r.ToEntity(), cancellationToken)).Select(r => r.Row with { Refused = r.Reason }));
                }

                if (refused.Count > 0)
                {
                    KeepRefused(folder, refused);
                }
            }
            catch
            {
                File.Move(claimed, file); // Whole values: writing some of them twice later is harmless.
                throw;
            }

            File.Delete(claimed);
            LogReplayed(log, rows.Count, file);
        }
    }

    public CounterBacklog Backlog(string folder)
    {
        var (waiting, dead) = SavedCounterFiles.Count(folder);
        return new CounterBacklog(_shard.Unwritten, waiting, dead);
    }

    /// <summary>Rows storage refused: in a dead-letter file in <paramref name="folder"/>, or, without one, only in the log.</summary>
    private void KeepRefused(string? folder, List<SavedCounterRow> refused)
    {
        var reason = refused[0].Refused ?? "";
        try
        {
            if (folder is null)
            {
                LogRefusedDropped(log, refused.Count, reason);
                return;
            }

            LogRefused(log, refused.Count, reason, SavedCounterFiles.DeadLetter(folder, _shard.Id, refused));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRefusedDropped(log, refused.Count, reason + "; the dead-letter file could not be written: " + ex.Message);
        }
    }

    /// <summary>The stored rows of <paramref name="partition"/> under <paramref name="rowPrefix"/> (and the row <paramref name="alsoRow"/>).</summary>
    private async Task<List<TableEntity>> RowsAsync(string partition, string rowPrefix, string? alsoRow, CancellationToken ct)
    {
        var rowFilter = TableClient.CreateQueryFilter($"RowKey ge {rowPrefix} and RowKey lt {CounterKeys.PrefixEnd(rowPrefix)}");
        if (alsoRow is not null)
        {
            rowFilter = "(" + rowFilter + ") or " + TableClient.CreateQueryFilter($"RowKey eq {alsoRow}");
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and (" + rowFilter + ")";
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    public Task RecordLabelAsync(string accountId, string caller, bool fraud, CancellationToken cancellationToken = default)
    {
        var property = fraud ? CounterKeys.Fraud : CounterKeys.Genuine;
        return OptimisticRow.UpdateAsync(Table, CounterKeys.CallerPartition(accountId, caller), CounterKeys.LabelsRow(caller), e =>
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} counter rows kept in {File}")]
    private static partial void LogReplayed(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saved counter rows in {File} are unreadable; set aside as .bad")]
    private static partial void LogUnreadable(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Table Storage refused {Count} call counter rows ({Reason}); the rest were written, these kept in {File} and not retried")]
    private static partial void LogRefused(ILogger logger, int count, string reason, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Table Storage refused {Count} call counter rows ({Reason}); the rest were written, these are lost")]
    private static partial void LogRefusedDropped(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Divert cap of account {Account} not reachable ({Reason}); routing normally")]
    private static partial void LogCapUnavailable(ILogger logger, string account, string reason);
}
