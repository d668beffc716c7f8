using System.Diagnostics;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>Waits for something to become true by polling with a deadline (never a fixed sleep).</summary>
internal static class Poll
{
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
}
