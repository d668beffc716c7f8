using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>Waits for something to become true by polling (never a fixed sleep).</summary>
internal static class Poll
{
    /// <summary>Polls every 50 ms of wall-clock time, up to <paramref name="within"/> (30 s by default).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = within ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"not done within {deadline}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Polls while moving <paramref name="time"/> on by <paramref name="step"/> (1 s by default) between reads, at most
    /// <paramref name="steps"/> times: back-off, replay and flush timers run on the fake clock, so nothing waits for them in
    /// wall-clock time; only the real I/O (Azurite on loopback) is given a moment between steps.
    /// </summary>
    public static async Task<T> AdvancingAsync<T>(FakeTimeProvider time, Func<Task<T>> read, Func<T, bool> done, TimeSpan? step = null, int steps = 600)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (i >= steps)
            {
                throw new TimeoutException($"not done within {steps} steps of the fake clock; last value: {value}");
            }

            time.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }

    /// <summary>Moves <paramref name="time"/> on until <paramref name="task"/> completes (a shutdown waiting on its grace period), then awaits it.</summary>
    public static async Task AdvancingAsync(FakeTimeProvider time, Task task, TimeSpan? step = null, int steps = 600)
    {
        await AdvancingAsync(time, () => Task.FromResult(task.IsCompleted), done => done, step, steps);
        await task;
    }
}
