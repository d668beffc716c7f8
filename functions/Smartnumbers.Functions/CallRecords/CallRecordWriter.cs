using System.Threading.Channels;
using Azure;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Writes call events to Table Storage off the call path. <see cref="Enqueue"/> never blocks on storage and never
/// drops: events go to a bounded in-memory queue drained by <see cref="CallRecordOptions.Writers"/> workers, each write
/// retried with exponential back-off (to <see cref="CallRecordOptions.MaxBackoffSeconds"/>) for as long as storage
/// fails. When the queue is full, new events are appended to a local spill file instead, replayed when the queue is
/// idle. On shutdown the queue is drained for up to <see cref="CallRecordOptions.ShutdownFlushSeconds"/>, then what is
/// left is spilled and replayed on the next start. An event storage refuses outright (400) goes to a dead-letter file.
/// <see cref="CallCounted"/> events go to the velocity counters (<see cref="ICallCounters"/>) instead of the records.
/// </summary>
public sealed partial class CallRecordWriter : IHostedService, IDisposable
{
    private static readonly TimeSpan ReplayEvery = TimeSpan.FromSeconds(5);
    private readonly CallRecordStore _store;
    private readonly ICallCounters? _counters;
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
    private Task? _stop;
    private bool _disposed;

    public CallRecordWriter(CallRecordStore store, IOptions<CallRecordOptions> options, TimeProvider time, ILogger<CallRecordWriter> log, ICallCounters? counters = null)
    {
        _store = store;
        _counters = counters;
        _options = options.Value;
        _time = time;
        _log = log;
        _queue = Channel.CreateBounded<CallEvent>(new BoundedChannelOptions(_options.Capacity) { FullMode = BoundedChannelFullMode.Wait });
        _spill = new CallRecordSpill(_options.SpillFolder);
        _spillLog = new LogThrottle(time, TimeSpan.FromSeconds(10));
        _retryLog = new LogThrottle(time, TimeSpan.FromSeconds(10));
    }

    /// <summary>Events waiting in memory.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>Queues an event for writing. False when it went to the spill file instead (queue full or stopping).</summary>
    public bool Enqueue(CallEvent ev)
    {
        if (_queue.Writer.TryWrite(ev))
        {
            return true;
        }

        _spill.Append([ev]);
        if (_spillLog.Allow(out var held))
        {
            LogSpilled(_log, ev.CallId, _spill.Folder, held);
        }

        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Task.WhenAll(Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        _replay = Task.Run(ReplayLoopAsync, CancellationToken.None);
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
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        var flushed = Task.WhenAll(_workers, _replay);
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
    }

    private async Task WorkAsync()
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_abort.Token))
            {
                while (_queue.Reader.TryRead(out var ev))
                {
                    if (!await WriteAsync(ev))
                    {
                        _spill.Append([ev]);
                    }
                }
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
    }

    private async Task ReplayLoopAsync()
    {
        var first = true;
        while (!_stopping.IsCancellationRequested)
        {
            if (first || (_queue.Reader.Count == 0 && _spill.HasWaiting()))
            {
                try
                {
                    foreach (var file in _spill.Claim(includeAbandoned: first))
                    {
                        await ReplayAsync(file);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
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
        for (var i = 0; i < events.Count; i++)
        {
            if (!await WriteAsync(events[i]))
            {
                _spill.Append(events.Skip(i)); // Aborted: keep the rest for the next start.
                break;
            }
        }

        File.Delete(file);
    }

    /// <summary>Writes with retries; false only when aborted before the write succeeded.</summary>
    private async Task<bool> WriteAsync(CallEvent ev)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(_options.MaxBackoffSeconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (ev is CallCounted c)
                {
                    if (_counters is not null)
                    {
                        await _counters.RecordCallAsync(new CallCount(c.AccountId, c.Caller, c.CalledNumber, c.Withheld, c.At), _abort.Token);
                    }
                }
                else
                {
                    await _store.ApplyAsync(ev, _abort.Token);
                }

                return true;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                return false;
            }
            catch (RequestFailedException ex) when (ex.Status is 400 or 413 && ex.ErrorCode != "TableNotFound")
            {
                _spill.DeadLetter(ev);
                LogRefused(_log, ev.CallId, ex.Status, ex.ErrorCode);
                return true;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or TimeoutException or OperationCanceledException)
            {
                if (_retryLog.Allow(out var held))
                {
                    LogRetrying(_log, ev.CallId, attempt, ex.Message, held);
                }
            }

            try
            {
                await Task.Delay(delay, _time, _abort.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, max.Ticks));
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Call record queue full: event for call {CallId} spilled to {Folder} ({Held} more since the last such line)")]
    private static partial void LogSpilled(ILogger logger, string callId, string folder, int held);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Writing call {CallId} failed (attempt {Attempt}): {Error}; retrying ({Held} more failures since the last such line)")]
    private static partial void LogRetrying(ILogger logger, string callId, int attempt, string error, int held);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Table Storage refused the event of call {CallId} ({Status} {Code}); kept in the dead-letter file")]
    private static partial void LogRefused(ILogger logger, string callId, int status, string? code);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Shutdown grace period over with {Pending} call events queued: spilling them to disk")]
    private static partial void LogFlushCut(ILogger logger, int pending);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Replaying spilled call events failed: {Error}")]
    private static partial void LogReplayFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Replaying {Count} spilled call events from {File}")]
    private static partial void LogReplaying(ILogger logger, int count, string file);
}
