using System.Threading.Channels;
using Azure;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Writes call events to Table Storage off the call path. <see cref="Enqueue"/> never blocks on storage and never
/// drops: events go to a bounded in-memory queue drained by <see cref="CallRecordOptions.Writers"/> workers, each write
/// retried with exponential back-off (to <see cref="CallRecordOptions.MaxBackoffSeconds"/>) for as long as storage
/// fails. When the queue is full, new events are appended to a local spill file instead, replayed when the queue is
/// idle. On shutdown the queue is drained for up to <see cref="CallRecordOptions.ShutdownFlushSeconds"/>, then what is
/// left is spilled and replayed on the next start. An event storage refuses outright (400) goes to a dead-letter file.
/// A worker takes up to <see cref="CallRecordOptions.BatchSize"/> events at once and writes their
/// <see cref="CallStarted"/> events in a few transactions (<see cref="CallRecordStore.ApplyStartedAsync(IReadOnlyList{CallStarted}, CancellationToken)"/>).
/// <see cref="CallCounted"/> events are counted in memory at once by the velocity counters (<see cref="ICallCounters"/>),
/// which this writer flushes every <see cref="CallRecordOptions.CounterFlushMilliseconds"/>; on shutdown, what storage
/// did not take is saved in the spill folder and written on the next start, and calls to count after that are spilled
/// like any event (and counted by the next start). The spill folder is <see cref="CallRecordOptions.SpillFolder"/>/{storage
/// account} (<see cref="CallRecordStore.AccountTag"/>): an instance replays only what was kept for its own storage account.
/// </summary>
public sealed partial class CallRecordWriter : IHostedService, IDisposable
{
    private static readonly TimeSpan ReplayEvery = TimeSpan.FromSeconds(5);
    private readonly CallRecordStore _store;
    private readonly CounterFlusher _counters;
    private readonly CallRecordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CallRecordWriter> _log;
    private readonly Channel<CallEvent> _queue;
    private readonly CallRecordSpill _spill;
    private readonly LogThrottle _spillLog;
    private readonly LogThrottle _retryLog;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private Task _workers = Task.CompletedTask;
    private Task _replay = Task.CompletedTask;
    private Task _counting = Task.CompletedTask;
    private Task? _stop;
    private bool _disposed;
    private int _unwritten;

    public CallRecordWriter(CallRecordStore store, IOptions<CallRecordOptions> options, TimeProvider time, ILogger<CallRecordWriter> log, ICallCounters? counters = null)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        _log = log;
        _queue = Channel.CreateBounded<CallEvent>(new BoundedChannelOptions(_options.Capacity) { FullMode = BoundedChannelFullMode.Wait });
        // One folder per storage account: what was kept for one account is never replayed into another.
        var folder = Path.Combine(_options.SpillFolder, store.AccountTag);
        _spill = new CallRecordSpill(folder);
        _spillLog = new LogThrottle(time, TimeSpan.FromSeconds(10));
        _retryLog = new LogThrottle(time, TimeSpan.FromSeconds(10));
        _counters = new CounterFlusher(counters, folder, TimeSpan.FromMilliseconds(_options.CounterFlushMilliseconds), time, log);
    }

    /// <summary>Where this writer keeps what storage has not taken yet.</summary>
    public string SpillFolder => _spill.Folder;

    /// <summary>The velocity counter rows this instance holds that are not yet in Table Storage: in memory, and in its spill folder.</summary>
    public CounterBacklog CounterBacklog() => _counters.Backlog();

    /// <summary>Events waiting in memory.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>What this instance holds that is not yet in Table Storage: in memory, and in its spill folder.</summary>
    public CallRecordBacklog Backlog()
    {
        var (onDisk, dead) = _spill.Count();
        return new CallRecordBacklog(Volatile.Read(ref _unwritten), onDisk, dead);
    }

    /// <summary>Queues an event for writing. False when it went to the spill file instead (queue full or stopping).</summary>
    public bool Enqueue(CallEvent ev)
    {
        if (ev is CallCounted counted)
        {
            if (_counters.TryCount(counted))
            {
                return true;
            }
        }
        else
        {
            Interlocked.Increment(ref _unwritten);
            if (_queue.Writer.TryWrite(ev))
            {
                return true;
            }

            Interlocked.Decrement(ref _unwritten);
        }

        _spill.Append([ev]);
        if (_spillLog.Allow(out var held))
        {
            LogSpilled(_log, LogText.Of(ev.CallId), _spill.Folder, held);
        }

        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Task.WhenAll(Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        _replay = Task.Run(ReplayLoopAsync, CancellationToken.None);
        _counting = Task.Run(() => _counters.RunAsync(_stopping.Token, _abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Flushes (at most <see cref="CallRecordOptions.ShutdownFlushSeconds"/>) and spills the rest; safe to call twice.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_queue)
        {
            return _disposed ? Task.CompletedTask : _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_queue)
        {
            if (_disposed || _stop is { IsCompleted: false })
            {
                return;
            }

            _disposed = true;
        }

        _stopping.Dispose();
        _abort.Dispose();
        _spill.Dispose();
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        var deadline = _time.GetUtcNow().AddSeconds(_options.ShutdownFlushSeconds);
        var flushed = Task.WhenAll(_workers, _replay, _counting);
        try
        {
            await flushed.WaitAsync(TimeSpan.FromSeconds(_options.ShutdownFlushSeconds), _time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogFlushCut(_log, Pending);
        }

        await _abort.CancelAsync();
        await flushed;
        await _counters.FinishAsync(deadline);
    }

    private async Task WorkAsync()
    {
        try
        {
            var batch = new List<CallEvent>(_options.BatchSize);
            while (await _queue.Reader.WaitToReadAsync(_abort.Token))
            {
                while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var ev))
                {
                    batch.Add(ev);
                }

                await WriteBatchAsync(batch); // Written, or spilled when aborted.
                Interlocked.Add(ref _unwritten, -batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            // Aborted at the end of the shutdown grace period: what is left goes to disk below.
        }

        var left = new List<CallEvent>();
        while (_queue.Reader.TryRead(out var ev))
        {
            left.Add(ev);
        }

        _spill.Append(left);
        Interlocked.Add(ref _unwritten, -left.Count);
    }

    private async Task ReplayLoopAsync()
    {
        var first = true;
        while (!_stopping.IsCancellationRequested)
        {
            if (first || (_queue.Reader.Count == 0 && (_spill.HasWaiting() || _counters.HasSaved())))
            {
                try
                {
                    await _counters.ReplaySavedAsync(_abort.Token);

                    foreach (var file in _spill.Claim(includeAbandoned: first))
                    {
                        await ReplayAsync(file);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
                {
                    LogReplayFailed(_log, ex.Message); // Tried again on the next round.
                }
            }

            first = false;
            try
            {
                await Task.Delay(ReplayEvery, _time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReplayAsync(string file)
    {
        var events = CallRecordSpill.Read(file).ToList();
        LogReplaying(_log, events.Count, file);
        var chunks = events.Chunk(_options.BatchSize).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            if (!await WriteBatchAsync([.. chunks[i]]))
            {
                _spill.Append(chunks.Skip(i + 1).SelectMany(c => c)); // Aborted: keep the rest for the next start.
                break;
            }
        }

        File.Delete(file);
    }

    /// <summary>
    /// Writes a batch: its <see cref="CallStarted"/> events together, the rest one by one. False when aborted: what was
    /// not written is spilled.
    /// </summary>
    private async Task<bool> WriteBatchAsync(List<CallEvent> batch)
    {
        var started = batch.OfType<CallStarted>().ToList();
        var oneByOne = batch;
        if (started.Count > 1)
        {
            switch (await AttemptAsync(started[0].CallId, ct => _store.ApplyStartedAsync(started, ct)))
            {
                case Attempt.Aborted:
                    _spill.Append(batch);
                    return false;
                case Attempt.Written:
                    oneByOne = batch.Where(e => e is not CallStarted).ToList();
                    break;
                case Attempt.Refused:
                    break; // One of them is refused: one by one, so that only that one goes to the dead letters.
            }
        }

        for (var i = 0; i < oneByOne.Count; i++)
        {
            if (!await WriteAsync(oneByOne[i]))
            {
                _spill.Append(oneByOne.Skip(i));
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes with retries; false only when aborted before the write succeeded (or a call to count came after the counters closed).</summary>
    private async Task<bool> WriteAsync(CallEvent ev)
    {
        if (ev is CallCounted counted)
        {
            return _counters.TryCount(counted); // From a spill file: counted now, or spilled again after the counters' last flush.
        }

        var attempt = await AttemptAsync(ev.CallId, ct => _store.ApplyAsync(ev, ct));
        if (attempt == Attempt.Refused)
        {
            _spill.DeadLetter(ev);
        }

        return attempt != Attempt.Aborted;
    }

    private enum Attempt { Written, Refused, Aborted }

    /// <summary>Runs <paramref name="write"/> until it succeeds (backing off while storage fails), storage refuses it (400), or the writer is aborted.</summary>
    private async Task<Attempt> AttemptAsync(string callId, Func<CancellationToken, Task> write)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(_options.MaxBackoffSeconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write(_abort.Token);
                return Attempt.Written;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                return Attempt.Aborted;
            }
            catch (RequestFailedException ex) when (ex.Status is 400 or 413 && ex.ErrorCode != "TableNotFound")
            {
                LogRefused(_log, LogText.Of(callId), ex.Status, ex.ErrorCode);
                return Attempt.Refused;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or TimeoutException or OperationCanceledException)
            {
                if (_retryLog.Allow(out var held))
                {
                    LogRetrying(_log, LogText.Of(callId), attempt, ex.Message, held);
                }
            }

            try
            {
                await Task.Delay(delay, _time, _abort.Token);
            }
            catch (OperationCanceledException)
            {
                return Attempt.Aborted;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, max.Ticks));
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Call record queue full: event for call {CallId} spilled to {Folder} ({Held} more since the last such line)")]
    private static partial void LogSpilled(ILogger logger, string callId, string folder, int held);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Writing call {CallId} failed (attempt {Attempt}): {Error}; retrying ({Held} more failures since the last such line)")]
    private static partial void LogRetrying(ILogger logger, string callId, int attempt, string error, int held);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Table Storage refused the event of call {CallId} ({Status} {Code}) or its batch; kept in the dead-letter file or written one by one")]
    private static partial void LogRefused(ILogger logger, string callId, int status, string? code);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Shutdown grace period over with {Pending} call events queued: spilling them to disk")]
    private static partial void LogFlushCut(ILogger logger, int pending);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Replaying spilled call events failed: {Error}")]
    private static partial void LogReplayFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Replaying {Count} spilled call events from {File}")]
    private static partial void LogReplaying(ILogger logger, int count, string file);
}
