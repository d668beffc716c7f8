using System.Globalization;

namespace Smartnumbers.LoadTest;

/// <summary>What one timed run measured.</summary>
internal sealed record LoadResult(string Name, long Requests, long Failures, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-22} {PerSecond,10:F0} req/s   p50 {P50Ms,6:F2} ms   p99 {P99Ms,6:F2} ms   max {MaxMs,7:F2} ms   ({Requests} ok, {Failures} failed)");
}
