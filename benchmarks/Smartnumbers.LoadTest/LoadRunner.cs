using System.Collections.Concurrent;
using System.Diagnostics;

namespace Smartnumbers.LoadTest;

/// <summary>
/// A closed loop: N workers each send one request, wait for the reply, and send the next, for a fixed time. An answer
/// counts only when the expected-answer check accepts its status and body; anything else is a failure.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, int connections, TimeSpan duration, Func<long, HttpRequestMessage> next,
        Func<HttpResponseMessage, string, bool> expected)
    {
        long sequence = 0, failures = 0;
        var latencies = new ConcurrentBag<List<double>>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                using var request = next(Interlocked.Increment(ref sequence));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsStringAsync();
                    if (expected(response, body))
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            latencies.Add(mine);
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return new LoadResult(name, all.Length, failures, elapsed, At(0.50), At(0.99), all.Length == 0 ? double.NaN : all[^1]);
    }
}
