using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// Writes this instance's changed shard rows to table <see cref="CounterKeys.Table"/>: one transaction per partition
/// (up to 100 rows), partitions in parallel; and the rows kept in saved files. A row storage refuses outright (400) is
/// kept out of its transaction, so the others are written, and goes to a dead-letter file; it is not retried.
/// </summary>
internal sealed partial class CounterRowWriter(TableStore store, CounterShard shard, ILogger<CounterRowWriter> log) : IDisposable
{
    private const int MaxBatch = 100; // Operations per Table Storage transaction.
    private readonly SemaphoreSlim _flushing = new(1, 1);

    private TableClient Table => store.Table(CounterKeys.Table);

    public void Dispose() => _flushing.Dispose();

    /// <summary>
    /// Writes what was counted since the last flush; refused rows go to a dead-letter file in <paramref name="deadLetters"/>
    /// (without one, only to the log). Throws when storage fails: what was not written stays for the next flush.
    /// </summary>
    public async Task FlushAsync(string? deadLetters, TimeProvider time, CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            var chunks = shard.Changed().GroupBy(w => w.Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)).ToList();
            await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (chunk, token) =>
            {
                var rows = chunk.Select(c => (Copy: c, Saved: c.ToSaved())).ToList();
                var refused = await TableBatch.UpsertAsync(Table, rows, r => r.Saved.ToEntity(), token);
                shard.Written(chunk); // Refused rows too: storage will never take them, they go to the dead letters.
                if (refused.Count > 0)
                {
                    KeepRefused(deadLetters, [.. refused.Select(r => r.Row.Saved with { Refused = r.Reason })]);
                }
            });
            shard.Tidy(time.GetUtcNow());
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// Keeps what is not written yet in a file in <paramref name="folder"/> (on shutdown, when storage failed); the number
    /// of rows kept. Those rows are the file's to write from then on: the shard takes a new id, so later counts go to new rows.
    /// </summary>
    public int SaveUnwritten(string folder)
    {
        var writes = shard.HandOff();
        if (writes.Count == 0)
        {
            return 0;
        }

        SavedCounterFiles.Save(folder, shard.Id, [.. writes.Select(w => w.ToSaved())]);
        shard.Written(writes); // The file writes them now; a flush would write the same values again.
        return writes.Count;
    }

    /// <summary>
    /// Writes the rows kept by <see cref="SaveUnwritten"/> (by any instance) and deletes their files; rows storage refuses
    /// go to a dead-letter file in <paramref name="folder"/>. A file is claimed by renaming it, so one instance takes it.
    /// </summary>
    public async Task ReplaySavedAsync(string folder, CancellationToken ct)
    {
        // Files waiting, and files an instance claimed and then died replaying (whole values: replaying one that a live
        // instance is still writing only writes the same rows twice).
        foreach (var found in SavedCounterFiles.ToReplay(folder))
        {
            var replay = found.LastIndexOf(".replay-", StringComparison.Ordinal);
            var file = replay < 0 ? found : found[..replay];
            var claimed = file + ".replay-" + shard.Id;
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
                    refused.AddRange((await TableBatch.UpsertAsync(Table, chunk, r => r.ToEntity(), ct)).Select(r => r.Row with { Refused = r.Reason }));
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

            LogRefused(log, refused.Count, reason, SavedCounterFiles.DeadLetter(folder, shard.Id, refused));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRefusedDropped(log, refused.Count, reason + "; the dead-letter file could not be written: " + ex.Message);
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
}
