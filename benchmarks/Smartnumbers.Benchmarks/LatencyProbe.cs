using System.Diagnostics;
using System.Globalization;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Benchmarks;

/// <summary>
/// Times every single decision of a round-robin over the call mix with Stopwatch ticks and reports mean, p50, p99,
/// p99.9 and allocated bytes per decision (BenchmarkDotNet's percentiles are over iteration means, not single calls).
/// </summary>
internal static class LatencyProbe
{
    public static void Run(int decisions)
    {
        var snapshot = CallMix.Snapshot();
        var mix = CallMix.Kinds.Select(CallMix.Call).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            Once(snapshot, mix[i % mix.Length]);
        }
        var ticks = new long[decisions];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = GC.CollectionCount(0);
        for (var i = 0; i < decisions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Once(snapshot, mix[i % mix.Length]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)decisions;
        for (var k = 0; k < mix.Length; k++)
        {
            var mine = ticks.Where((_, i) => i % mix.Length == k).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {CallMix.Kinds[k],-17} p50 {mine[mine.Length / 2] * 1_000_000.0 / Stopwatch.Frequency,7:0.00} µs, p99 {mine[(int)(mine.Length * 0.99)] * 1_000_000.0 / Stopwatch.Frequency,7:0.00} µs"));
        }
        Array.Sort(ticks);
        double Us(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        double Pct(double p) => Us(ticks[Math.Min(ticks.Length - 1, (int)(p * ticks.Length))]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Latency over {decisions} decisions ({mix.Length}-kind mix): mean {ticks.Average(Us):0.00} µs, p50 {Pct(0.50):0.00} µs, " +
            $"p99 {Pct(0.99):0.00} µs, p99.9 {Pct(0.999):0.00} µs, max {Us(ticks[^1]):0.00} µs, " +
            $"allocated {allocated:0} B/decision, gen0 GCs {GC.CollectionCount(0) - gcBefore}"));
    }

    private static RoutingDecision Once(Smartnumbers.Core.AccountSnapshot snapshot, (Smartnumbers.Core.Calls.InboundCall Call, Smartnumbers.Core.Calls.CallerHistory History) c)
    {
        var assessment = CallDecider.Default.Assess(snapshot, c.Call, c.History);
        return CallDecider.Default.Decide(assessment, assessment.DivertWanted);
    }
}
