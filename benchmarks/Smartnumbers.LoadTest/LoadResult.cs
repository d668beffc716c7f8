using System.Globalization;

namespace Smartnumbers.LoadTest;

/// <summary>What one timed run measured.</summary>
internal sealed record LoadResult(string Name, long Requests, long Failures, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>CPU time the app process used during the run, when its pid was given.</summary>
    public TimeSpan? AppCpu { get; init; }

    /// <summary>CPU time the storage emulator used during the run, when its pid was given.</summary>
    public TimeSpan? StorageCpu { get; init; }

    /// <summary>How long after the run the app took to get every call event of the run into storage (its backlog at zero).</summary>
    public TimeSpan Drained { get; init; }

    /// <summary>App CPU per answered request, in microseconds (NaN without the app's pid).</summary>
    public double AppCpuPerRequest => AppCpu is { } a ? a.TotalMicroseconds / Math.Max(1, Requests) : double.NaN;

    public double PerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Requests per second counting the drain: the rate the app and its storage can keep up indefinitely.</summary>
    public double SustainedPerSecond => Requests / (Elapsed + Drained).TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-22} {PerSecond,10:F0} req/s   p50 {P50Ms,6:F2} ms   p99 {P99Ms,6:F2} ms   max {MaxMs,7:F2} ms   ({Requests} ok, {Failures} failed){Drain()}{Cpu()}");

    private string Drain() => Drained <= TimeSpan.FromSeconds(0.5) ? "" : string.Create(CultureInfo.InvariantCulture,
        $"\n{"",-22} records written {Drained.TotalSeconds:F1} s after the run: {SustainedPerSecond:F0} req/s sustained");

    // CPU is measured over the run and its drain: the whole cost of the run's requests.
    private string Cpu() => string.Create(CultureInfo.InvariantCulture,
        $"{(AppCpu is { } a ? $"   app CPU {a.TotalMicroseconds / Math.Max(1, Requests):F0} µs/req" : "")}{(StorageCpu is { } s ? $", storage CPU {s.TotalMicroseconds / Math.Max(1, Requests):F0} µs/req" : "")}");
}
