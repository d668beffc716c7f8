using Azure;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// The writer's part for the velocity counters: counts <see cref="CallCounted"/> events in memory
/// (<see cref="ICallCounters.Count"/>), flushes them every <see cref="CallRecordOptions.CounterFlushMilliseconds"/>,
/// and on shutdown flushes until the deadline and saves what storage did not take in the spill folder (written by
/// <see cref="ReplaySavedAsync"/> on the next start). After that last flush counting is closed: later calls to count are
/// refused, so the writer spills them with the other events. Rows storage refuses outright (400) are kept in dead-letter
/// files in the same folder, and the rest written. Without counters every call does nothing.
/// </summary>
internal sealed partial class CounterFlusher(ICallCounters? counters, string folder, TimeSpan every, TimeProvider time, ILogger log)
{
    private readonly Lock _gate = new();
    private readonly LogThrottle _retryLog = new(time, TimeSpan.FromSeconds(10));
    private bool _closed;

    /// <summary>Counts the call in memory; false once the counters were flushed or saved for the last time (shutdown).</summary>
    public bool TryCount(CallCounted c)
    {
        if (counters is null)
        {
            return true;
        }

        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            counters.Count(new CallCount(c.AccountId, c.Caller, c.CalledNumber, c.Withheld, c.At));
            return true;
        }
    }

    /// <summary>Flushes every interval until <paramref name="stopping"/>; a flush under way runs on until <paramref name="abort"/>.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        if (counters is null)
        {
            return;
        }

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
        if (counters is null)
        {
            return;
        }

        lock (_gate)
        {
            _closed = true; // From now on calls to count are spilled with the events, for the next start.
        }

        for (var left = deadline - time.GetUtcNow(); left > TimeSpan.Zero; left = deadline - time.GetUtcNow())
        {
            using var timeout = new CancellationTokenSource(left, time);
            if (await TryFlushAsync(timeout.Token))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, CancellationToken.None);
        }

        try
        {
            if (counters.SaveUnwritten(folder) is var saved and > 0)
            {
                LogSaved(log, saved, folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogLost(log, ex.Message);
        }
    }

    /// <summary>True when saved counter rows wait in the spill folder.</summary>
    public bool HasSaved() => counters is not null && SavedCounterFiles.AnyWaiting(folder);

    /// <summary>Counter rows not yet in storage: in memory, saved in the spill folder, and dead-lettered there.</summary>
    public CounterBacklog Backlog() => counters?.Backlog(folder) ?? CounterBacklog.None;

    /// <summary>Writes the saved counter rows waiting in the spill folder.</summary>
    public Task ReplaySavedAsync(CancellationToken ct) => counters?.ReplaySavedAsync(folder, ct) ?? Task.CompletedTask;

    private async Task<bool> TryFlushAsync(CancellationToken ct)
    {
        try
        {
            await counters!.FlushAsync(folder, ct);
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
