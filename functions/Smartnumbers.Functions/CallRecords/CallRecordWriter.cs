using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Takes call events off the call path and sees them into Table Storage. <see cref="Enqueue"/> never blocks and never
/// drops: an event goes to a bounded in-memory queue drained by <see cref="CallRecordOptions.Writers"/> workers
/// (<see cref="CallEventBatchWriter"/>, retrying through <see cref="StorageRetry"/>), or, when the queue is full, storage is
/// failing, or the writer is stopping, straight to the spill folder (<see cref="CallRecordOptions.SpillFolder"/>/{storage
/// account}), from which <see cref="SpillReplay"/> writes it back. Calls to count go to the counters
/// (<see cref="CounterFlusher"/>). On shutdown the queue is drained for up to
/// <see cref="CallRecordOptions.ShutdownFlushSeconds"/>; what is left is spilled, and the counters saved, for the next
/// start of any instance sharing the folder.
/// </summary>
public sealed partial class CallRecordWriter : IHostedService, IDisposable, IWriteBacklog
{
    private readonly CallRecordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CallRecordWriter> _log;
    private readonly Channel<CallEvent> _queue;
    private readonly CallRecordSpill _spill;
    private readonly StorageRetry _retry;
    private readonly CallEventBatchWriter _batches;
    private readonly SpillReplay _replayer;
    private readonly CounterFlusher? _counters;
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

    internal CallRecordWriter(CallRecordStore store, IOptions<CallRecordOptions> options, TimeProvider time, ILogger<CallRecordWriter> log, CounterFlusher? counters = null)
    {
        _options = options.Value;
        _time = time;
        _log = log;
        _counters = counters;
        _queue = Channel.CreateBounded<CallEvent>(new BoundedChannelOptions(_options.Capacity) { FullMode = BoundedChannelFullMode.Wait });
        // One folder per storage account: what was kept for one account is never replayed into another.
        _spill = new CallRecordSpill(_options.AccountFolder(store.AccountTag));
        _spillLog = new LogThrottle(time, TimeSpan.FromSeconds(10));
        _retryLog = new LogThrottle(time, TimeSpan.FromSeconds(10));
        _retry = new StorageRetry(TimeSpan.FromSeconds(_options.MaxBackoffSeconds), time, OnRetry);
        _batches = new CallEventBatchWriter(store, _retry, _spill, counters, log);
        _replayer = new SpillReplay(_spill, _batches, counters, _options.BatchSize, time, log);
    }

    /// <summary>Where this writer keeps what storage has not taken yet.</summary>
    public string SpillFolder => _spill.Folder;

    /// <summary>Events waiting in memory.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>True while storage is failing: new events go straight to the spill folder instead of memory.</summary>
    public bool StorageFailing => _retry.Failing;

    /// <summary>What this instance holds that is not yet in Table Storage: in memory, and in its spill folder.</summary>
    public CallRecordBacklog Backlog()
    {
        var (onDisk, dead) = _spill.Count();
        return new CallRecordBacklog(Volatile.Read(ref _unwritten), onDisk, dead);
    }

    /// <summary>The velocity counter rows this instance holds that are not yet in Table Storage: in memory, and in its spill folder.</summary>
    public CounterBacklog CounterBacklog() => _counters?.Backlog() ?? Counters.CounterBacklog.None;

    public WriteBacklog Snapshot() => new(Backlog(), CounterBacklog());

    /// <summary>
    /// Takes an event to write. False when it went to the spill folder instead (queue full, storage failing, or stopping):
    /// it is on disk then, and written by the replay. When the spill folder cannot be written, the queue takes it if it
    /// can; only when neither can does this throw.
    /// </summary>
    public bool Enqueue(CallEvent ev)
    {
        if (ev is CallCounted counted)
        {
            if (_counters is null || _counters.TryCount(counted.ToCount()))
            {
                return true;
            }
        }
        else if (!_retry.Failing)
        {
            Interlocked.Increment(ref _unwritten);
            if (_queue.Writer.TryWrite(ev))
            {
                return true;
            }

            Interlocked.Decrement(ref _unwritten);
        }

        try
        {
            _spill.Append([ev]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ev is not CallCounted)
        {
            // The spill folder cannot be written (a share unmounted or full): memory is the last place left.
            Interlocked.Increment(ref _unwritten);
            if (_queue.Writer.TryWrite(ev))
            {
                return true;
            }

            Interlocked.Decrement(ref _unwritten);
            throw;
        }

        if (_spillLog.Allow(out var held))
        {
            LogSpilled(_log, LogText.Of(ev.CallId), _spill.Folder, held);
        }

        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Task.WhenAll(Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        _replay = Task.Run(() => _replayer.RunAsync(() => _queue.Reader.Count == 0 && !_retry.Failing, _stopping.Token, _abort.Token), CancellationToken.None);
        _counting = _counters is null ? Task.CompletedTask : Task.Run(() => _counters.RunAsync(_stopping.Token, _abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Flushes (at most <see cref="CallRecordOptions.ShutdownFlushSeconds"/>), then spills the rest and saves the counters; safe to call twice.</summary>
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
        if (_counters is not null)
        {
            await _counters.FinishAsync(deadline);
        }
    }

    private async Task WorkAsync()
    {
        var batch = new List<CallEvent>(_options.BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_abort.Token))
            {
                while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var ev))
                {
                    batch.Add(ev);
                }

                await _batches.WriteAsync(batch, _abort.Token); // Written, or spilled when aborted.
                Interlocked.Add(ref _unwritten, -batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            // Aborted at the end of the shutdown grace period: what is left goes to disk below.
        }

        batch.Clear();
        while (_queue.Reader.TryRead(out var ev))
        {
            batch.Add(ev);
        }

        _spill.Append(batch);
        Interlocked.Add(ref _unwritten, -batch.Count);
    }

    private void OnRetry(Exception ex, int attempt, TimeSpan wait)
    {
        if (_retryLog.Allow(out var held))
        {
            LogRetrying(_log, attempt, ex.Message, wait.TotalMilliseconds, held);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Call event for call {CallId} spilled to {Folder} (queue full, storage failing or stopping; {Held} more since the last such line)")]
    private static partial void LogSpilled(ILogger logger, string callId, string folder, int held);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Writing call events failed (attempt {Attempt}): {Error}; retrying in {WaitMs} ms ({Held} more failures since the last such line)")]
    private static partial void LogRetrying(ILogger logger, int attempt, string error, double waitMs, int held);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Shutdown grace period over with {Pending} call events queued: spilling them to disk")]
    private static partial void LogFlushCut(ILogger logger, int pending);
}
