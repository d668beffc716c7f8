using Azure;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>The writer's retries (a Polly pipeline on the fake clock): back-off, what is never retried, and an outage of hours.</summary>
public sealed class StorageRetryTests
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);

    /// <summary>A retry on <paramref name="time"/> that records the wait before each retry.</summary>
    private static (StorageRetry Retry, List<TimeSpan> Waits) Retry(FakeTimeProvider time)
    {
        var waits = new List<TimeSpan>();
        return (new StorageRetry(Max, time, (_, _, wait) => { lock (waits) { waits.Add(wait); } }), waits);
    }

    /// <summary>After each failed attempt, moves the clock past the longest wait, until the write is done.</summary>
    private static async Task DriveAsync(FakeTimeProvider time, Task write, List<TimeSpan> waits)
    {
        var seen = 0;
        while (!write.IsCompleted)
        {
            for (var spin = 0; spin < 200 && Count(waits) == seen && !write.IsCompleted; spin++)
            {
                await Task.Delay(1);
            }

            seen = Count(waits);
            await Task.Delay(1); // The retry schedules its wait right after reporting it.
            time.Advance(Max);
        }

        await write;
    }

    private static int Count(List<TimeSpan> waits)
    {
        lock (waits)
        {
            return waits.Count;
        }
    }

    [Fact]
    public async Task Transient_failures_are_retried_backing_off_from_100_ms_doubling_to_the_ceiling()
    {
        var time = new FakeTimeProvider();
        var (retry, waits) = Retry(time);
        var tries = 0;

        var write = retry.ExecuteAsync(_ => ++tries < 7 ? Task.FromException(new RequestFailedException(503, "busy")) : Task.CompletedTask, CancellationToken.None);
        await DriveAsync(time, write, waits);

        Assert.Equal([100, 200, 400, 800, 1000, 1000], waits.Select(w => (int)w.TotalMilliseconds));
        Assert.Equal(7, tries);
        Assert.False(retry.Failing);
    }

    [Fact]
    public async Task A_write_storage_refuses_is_not_retried()
    {
        var (retry, waits) = Retry(new FakeTimeProvider());
        var tries = 0;

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => retry.ExecuteAsync(_ =>
        {
            tries++;
            return Task.FromException(new RequestFailedException(400, "PropertyValueTooLarge", "PropertyValueTooLarge", null));
        }, CancellationToken.None));

        Assert.Equal((1, 400), (tries, refused.Status));
        Assert.Empty(waits);
    }

    [Fact]
    public async Task An_outage_of_1100_attempts_is_backed_off_at_the_ceiling_and_the_write_lands_when_it_ends()
    {
        var time = new FakeTimeProvider();
        var (retry, waits) = Retry(time);
        var failingSeen = false;
        var tries = 0;

        var write = retry.ExecuteAsync(_ =>
        {
            failingSeen |= retry.Failing;
            return ++tries <= 1100 ? Task.FromException(new HttpRequestException("connection refused")) : Task.CompletedTask;
        }, CancellationToken.None);
        await DriveAsync(time, write, waits);

        Assert.Equal(1101, tries);
        Assert.All(waits.Skip(4), w => Assert.Equal(Max, w)); // Far past where 100 ms × 2^n overflows a TimeSpan.
        Assert.True(failingSeen);
        Assert.False(retry.Failing);
    }

    [Fact]
    public async Task A_cancelled_write_stops_backing_off()
    {
        var time = new FakeTimeProvider();
        var (retry, _) = Retry(time);
        using var abort = new CancellationTokenSource();
        var tries = 0;

        var write = retry.ExecuteAsync(_ =>
        {
            tries++;
            return Task.FromException(new TimeoutException());
        }, abort.Token);
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        Assert.Equal(1, tries);
    }
}
