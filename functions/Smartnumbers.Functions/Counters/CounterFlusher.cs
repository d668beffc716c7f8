using Azure;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// Counts calls into this instance's <see cref="CounterShard"/> and writes them: every <c>every</c> interval while running;
/// on shutdown until a deadline, then what storage did not take is saved in <c>folder</c> (the spill folder of the
/// storage account) and written by the next start (<see cref="ReplaySavedAsync"/>). After that last save counting is
/// closed: <see cref="TryCount"/> refuses, so the caller keeps the call with its other events (spilled, and counted by
/// the next start). A failed flush is retried at the next interval; nothing counted is dropped meanwhile.
/// </summary>
internal sealed partial class CounterFlusher(CounterShard shard, CounterRowWriter rows, string folder, TimeSpan every, TimeProvider time, ILogger log)
{
    private readonly Lock _gate = new();
    private readonly LogThrottle _retryLog = new(time, TimeSpan.FromSeconds(10));
    private bool _closed;

    /// <summary>Where saved and dead-lettered counter rows are kept.</summary>
    public string Folder => folder;

    /// <summary>Counts the call in memory; false once the counters were saved for the last time (shutdown).</summary>
    public bool TryCount(CallCount call)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            shard.Count(call);
            return true;
        }
    }

    /// <summary>Flushes every interval until <paramref name="stopping"/>; a flush under way runs on until <paramref name="abort"/>.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await TryFlushAsync(abort);
        }
    }

    /// <summary>Closes counting, writes the counters until <paramref name="deadline"/>, and saves what storage did not take.</summary>
    public async Task FinishAsync(DateTimeOffset deadline)
    {
        lock (_gate)
        {
            _closed = true; // From now on calls to count are kept with the events, for the next start.
        }

        for (var left = deadline - time.GetUtcNow(); left > TimeSpan.Zero; left = deadline - time.GetUtcNow())
        {
            using var timeout = new CancellationTokenSource(left, time);
            if (await TryFlushAsync(timeout.Token))
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            if (rows.SaveUnwritten(folder) is var saved and > 0)
            {
                LogSaved(log, saved, folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogLost(log, ex.Message);
        }
    }

    /// <summary>True when saved counter rows wait in the folder.</summary>
    public bool HasSaved() => SavedCounterFiles.AnyWaiting(folder);

    /// <summary>Counter rows not yet in storage: in memory, saved in the folder, and dead-lettered there.</summary>
    public CounterBacklog Backlog()
    {
        var (waiting, dead) = SavedCounterFiles.Count(folder);
        return new CounterBacklog(shard.Unwritten, waiting, dead);
    }

    /// <summary>Writes the saved counter rows waiting in the folder.</summary>
    public Task ReplaySavedAsync(CancellationToken ct) => rows.ReplaySavedAsync(folder, ct);

    private async Task<bool> TryFlushAsync(CancellationToken ct)
    {
        try
        {
            await rows.FlushAsync(folder, time, ct);
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or TimeoutException or OperationCanceledException)
        {
            if (_retryLog.Allow(out var held))
            {
                LogRetrying(log, ex.Message, held);
            }

            return false;
        }
    }

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Writing the call counters failed: {Error}; retrying on the next flush ({Held} more failures since the last such line)")]
    private static partial void LogRetrying(ILogger logger, string error, int held);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Storage did not take {Count} call counter rows before shutdown: kept in {Folder} for the next start")]
    private static partial void LogSaved(ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Error, Message = "Could not keep the unwritten call counters on disk: {Error}")]
    private static partial void LogLost(ILogger logger, string error);
}
