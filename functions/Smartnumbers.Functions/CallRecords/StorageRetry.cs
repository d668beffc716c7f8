using Azure;
using Polly;
using Polly.Retry;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Writes to Table Storage until they succeed: a Polly retry pipeline on the app's <see cref="TimeProvider"/>, backing
/// off exponentially from 100 ms to a ceiling for as long as storage fails (transport errors, timeouts, 5xx, 429, a
/// table not there yet). A write storage refuses outright (400/413: it will never take it) is not retried, nor is one
/// cancelled by the caller's token. <see cref="Failing"/> says whether storage has been failing for
/// <see cref="OutageAfter"/> with no write succeeding since: an outage, not a slow answer under load.
/// </summary>
internal sealed class StorageRetry
{
    /// <summary>How long writes must have failed, none succeeding, before storage counts as down.</summary>
    public static readonly TimeSpan OutageAfter = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private long _failingSince; // Timestamp of the first failure since the last success; 0 when the last write succeeded.

    /// <param name="onRetry">Told of each failed attempt: what failed, the attempt's number (from 1), and the wait before the next.</param>
    public StorageRetry(TimeSpan maxDelay, TimeProvider time, Action<Exception, int, TimeSpan> onRetry)
    {
        _time = time;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = FirstDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsTransient(ex, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    Interlocked.CompareExchange(ref _failingSince, Math.Max(1, time.GetTimestamp()), 0);
                    onRetry(args.Outcome.Exception!, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>True once writes have failed for <see cref="OutageAfter"/> with none succeeding, until one does: storage is down.</summary>
    public bool Failing => Interlocked.Read(ref _failingSince) is var since and not 0 && _time.GetElapsedTime(since) >= OutageAfter;

    /// <summary>Storage will never take this write (a property or key it refuses, a body too large).</summary>
    public static bool IsRefused(Exception ex) => ex is RequestFailedException { Status: 400 or 413 } r && r.ErrorCode != "TableNotFound";

    /// <summary>Runs <paramref name="write"/> until it succeeds; throws what is not transient, or <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled.</summary>
    public async Task ExecuteAsync(Func<CancellationToken, Task> write, CancellationToken ct)
    {
        await _pipeline.ExecuteAsync(static async (w, token) => await w(token), write, ct);
        Interlocked.Exchange(ref _failingSince, 0);
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested, // A timeout inside the client, not the caller giving up.
        RequestFailedException => !IsRefused(ex),
        HttpRequestException or AggregateException or TimeoutException or IOException => true,
        _ => false,
    };
}
