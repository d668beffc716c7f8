using System.Collections.Concurrent;
using System.Diagnostics;

namespace Smartnumbers.LoadTest;

/// <summary>
/// An open loop: requests sent at a fixed offered rate whatever the replies do (a slow app builds a queue, as real
/// carriers would), for a fixed time. Latency is measured from each request's scheduled send time, so queueing counts.
/// </summary>
internal static class OpenLoop
{
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, int perSecond, TimeSpan duration, Func<long, HttpRequestMessage> next,
        Func<HttpResponseMessage, string, bool> expected)
    {
        long failures = 0;
        var latencies = new ConcurrentBag<double>();
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var total = (long)(perSecond * duration.TotalSeconds);
        for (long i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var request = next(i + 1);
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    using (request)
                    using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead))
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        if (expected(response, body))
                        {
                            latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                            return;
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Counted below.
                }

                Interlocked.Increment(ref failures);
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        var all = latencies.Order().ToArray();
        double At(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return new LoadResult(name, all.Length, failures, elapsed, At(0.50), At(0.99), all.Length == 0 ? double.NaN : all[^1]);
    }
}
