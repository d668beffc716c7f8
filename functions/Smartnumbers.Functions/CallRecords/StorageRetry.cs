using Azure;
using Polly;
using Polly.Retry;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Writes to Table Storage until they succeed: a Polly retry pipeline on the app's <see cref="TimeProvider"/>, backing
/// off exponentially from 100 ms to a ceiling for as long as storage fails (transport errors, timeouts, 5xx, 429, a
/// table not there yet). A write storage refuses outright (400/413: it will never take it) is not retried, nor is one
/// cancelled by the caller's token. <see cref="Failing"/> says whether the last attempt failed and the next waits.
/// </summary>
internal sealed class StorageRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private readonly ResiliencePipeline _pipeline;
    private int _failing;

    public StorageRetry(TimeSpan maxDelay, TimeProvider time, Action<Exception, int> onRetry)
    {
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
                    Volatile.Write(ref _failing, 1);
                    onRetry(args.Outcome.Exception!, args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>True from a failed attempt until the next write succeeds: storage is down or failing.</summary>
    public bool Failing => Volatile.Read(ref _failing) == 1;

    /// <summary>Storage will never take this write (a property or key it refuses, a body too large).</summary>
    public static bool IsRefused(Exception ex) => ex is RequestFailedException { Status: 400 or 413 } r && r.ErrorCode != "TableNotFound";

    /// <summary>Runs <paramref name="write"/> until it succeeds; throws what is not transient, or <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled.</summary>
    public async Task ExecuteAsync(Func<CancellationToken, Task> write, CancellationToken ct)
    {
        await _pipeline.ExecuteAsync(static async (w, token) => await w(token), write, ct);
        Volatile.Write(ref _failing, 0);
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested, // A timeout inside the client, not the caller giving up.
        RequestFailedException => !IsRefused(ex),
        HttpRequestException or AggregateException or TimeoutException or IOException => true,
        _ => false,
    };
}
