using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Smartnumbers.LoadTest;

/// <summary>The app's call events not yet in storage, read from GET /api/health.</summary>
internal static class Backlog
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Waits until the app reports no call event and no counter row in memory or on disk; returns how long that took.
    /// Anything dead-lettered (refused by storage) fails the run: a load run that loses data measured nothing real.
    /// </summary>
    public static async Task<TimeSpan> DrainedAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // 503 while storage is too busy to answer the health probe in time: the body still has the backlog.
            using var response = await http.GetAsync("/api/health");
            var health = await response.Content.ReadFromJsonAsync<JsonElement>();
            var records = health.GetProperty("callRecords");
            var counters = health.GetProperty("counters");
            if (records.GetProperty("deadLettered").GetInt64() > 0 || counters.GetProperty("deadLettered").GetInt64() > 0)
            {
                throw new InvalidOperationException($"Storage refused rows during the run: {records} {counters}");
            }

            if (records.GetProperty("queued").GetInt64() == 0 && records.GetProperty("onDisk").GetInt64() == 0
                && counters.GetProperty("onDisk").GetInt64() == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > GiveUpAfter)
            {
                throw new TimeoutException($"The app still holds unwritten call events after {GiveUpAfter.TotalMinutes} min: {records}");
            }

            await Task.Delay(100);
        }
    }
}
