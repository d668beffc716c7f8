using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Benchmarks;

/// <summary>
/// Times every single decision of a round-robin over the call mix with Stopwatch ticks and reports mean, p50, p99,
/// p99.9 and allocated bytes per decision (BenchmarkDotNet's percentiles are over iteration means, not single calls).
/// <list type="bullet">
/// <item>Every answer is checked against its kind's expected reason, in the warm-up and in the measurement; one wrong
/// answer stops the probe with an exception.</item>
/// <item>The warm-up runs the measuring loop itself until the tiered JIT has settled (no method compiled for a second,
/// at least two seconds in all), so the figures are of the optimised code the app runs once warm, not of tier-0 or
/// instrumented code being replaced in the middle of the measurement.</item>
/// <item>Beside each decision the probe times a fixed arithmetic loop (the floor): its p99/p50 is the tail this machine
/// adds to any few-microsecond piece of code at that moment (interrupts, other processes, the hypervisor).</item>
/// </list>
/// </summary>
internal static class LatencyProbe
{
    private static readonly TimeSpan QuietJit = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    public static void Run(int decisions)
    {
        var snapshot = CallMix.Snapshot();
        var mix = CallMix.Kinds.Select(CallMix.Call).ToArray();
        var expected = CallMix.Kinds.Select(CallMix.ExpectedReason).ToArray();
        var (warmDecisions, warmTime, methods) = WarmUp(snapshot, mix, expected);
        var ticks = new long[decisions];
        var floor = new long[decisions];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = GC.CollectionCount(0);
        Measure(snapshot, mix, expected, ticks, floor);
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)decisions;
        var gcs = GC.CollectionCount(0) - gcBefore;
        for (var k = 0; k < mix.Length; k++)
        {
            var mine = ticks.Where((_, i) => i % mix.Length == k).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {CallMix.Kinds[k],-17} p50 {Us(Pct(mine, 0.50)),7:0.00} µs, p99 {Us(Pct(mine, 0.99)),7:0.00} µs"));
        }
        var mean = ticks.Average(t => Us(t));
        Array.Sort(ticks);
        Array.Sort(floor);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Warm-up: {warmDecisions} decisions in {warmTime.TotalSeconds:0.0} s until the JIT settled ({methods} methods compiled), {(GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Floor (fixed arithmetic loop timed beside each decision): p50 {Us(Pct(floor, 0.50)):0.00} µs, p99 {Us(Pct(floor, 0.99)):0.00} µs, " +
            $"p99/p50 {(double)Pct(floor, 0.99) / Pct(floor, 0.50):0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Latency over {decisions} decisions ({mix.Length}-kind mix, every answer checked): mean {mean:0.00} µs, p50 {Us(Pct(ticks, 0.50)):0.00} µs, " +
            $"p99 {Us(Pct(ticks, 0.99)):0.00} µs, p99.9 {Us(Pct(ticks, 0.999)):0.00} µs, max {Us(ticks[^1]):0.00} µs, " +
            $"allocated {allocated:0} B/decision, gen0 GCs {gcs}"));
    }

    /// <summary>Runs <see cref="Measure"/> in short rounds until no method has been compiled for <see cref="QuietJit"/>.</summary>
    private static (long Decisions, TimeSpan Took, long Methods) WarmUp(
        AccountSnapshot snapshot, (InboundCall Call, CallerHistory History)[] mix, string[] expected)
    {
        var ticks = new long[5_000];
        var floor = new long[ticks.Length];
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompile = TimeSpan.Zero;
        long decisions = 0;
        while (clock.Elapsed < MinWarmUp || clock.Elapsed - lastCompile < QuietJit)
        {
            if (clock.Elapsed > MaxWarmUp)
            {
                throw new InvalidOperationException($"The JIT was still compiling after {MaxWarmUp.TotalSeconds} s of warm-up.");
            }
            Measure(snapshot, mix, expected, ticks, floor);
            decisions += ticks.Length;
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompile = clock.Elapsed;
            }
        }
        return (decisions, clock.Elapsed, compiled);
    }

    /// <summary>Times one decision (and one floor loop) per slot of <paramref name="ticks"/>; throws on a wrong answer.</summary>
    private static void Measure(AccountSnapshot snapshot, (InboundCall Call, CallerHistory History)[] mix, string[] expected,
        long[] ticks, long[] floor)
    {
        var sink = 0UL;
        for (var i = 0; i < ticks.Length; i++)
        {
            var k = i % mix.Length;
            var start = Stopwatch.GetTimestamp();
            var assessment = CallDecider.Default.Assess(snapshot, mix[k].Call, mix[k].History);
            var decision = CallDecider.Default.Decide(assessment, assessment.DivertWanted);
            var end = Stopwatch.GetTimestamp();
            sink += FixedWork((ulong)i + 1);
            floor[i] = Stopwatch.GetTimestamp() - end;
            ticks[i] = end - start;
            if (!string.Equals(decision.Reason, expected[k], StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{CallMix.Kinds[k]}: decided '{decision.Reason}', expected '{expected[k]}'.");
            }
        }
        GC.KeepAlive(sink);
    }

    /// <summary>The floor: 2,000 rounds of xorshift, the same work every time (about 2 µs here), no memory touched.</summary>
    private static ulong FixedWork(ulong x)
    {
        for (var i = 0; i < 2_000; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        return x;
    }

    private static long Pct(long[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
