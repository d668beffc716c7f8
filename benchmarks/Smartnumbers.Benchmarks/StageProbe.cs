using System.Diagnostics;
using System.Globalization;
using Smartnumbers.Core;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Risk;
using Smartnumbers.Core.Screening;

namespace Smartnumbers.Benchmarks;

/// <summary>
/// Where a decision's time and bytes go, per call kind and stage: facts (parse and lookups), screen, Call DNA, score,
/// the whole Assess, and Decide (route). Bytes are exact (<see cref="GC.GetAllocatedBytesForCurrentThread"/>); times
/// are means over many repetitions of one stage, so they say where the time goes, not what the tail is.
/// </summary>
internal static class StageProbe
{
    private const int Repetitions = 20_000;

    public static void Run()
    {
        var snapshot = CallMix.Snapshot();
        Console.WriteLine("  kind              facts        screen       dna          score        assess       decide");
        foreach (var kind in CallMix.Kinds)
        {
            var (call, history) = CallMix.Call(kind);
            var facts = CallFactsBuilder.Build(snapshot, call, history);
            var dna = CallDnaExtractor.Extract(facts);
            var assessment = CallDecider.Default.Assess(snapshot, call, history);
            var cells = new[]
            {
                Measure(() => CallFactsBuilder.Build(snapshot, call, history)),
                Measure(() => Screener.Screen(facts)),
                Measure(() => CallDnaExtractor.Extract(facts)),
                Measure(() => RiskModel.Default.Assess(dna)),
                Measure(() => CallDecider.Default.Assess(snapshot, call, history)),
                Measure(() => CallDecider.Default.Decide(assessment, assessment.DivertWanted)),
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-17} {string.Join(" ", cells)}"));
        }
        AllocatedTypes(snapshot);
    }

    /// <summary>The types the whole mix allocates, from the runtime's allocation samples (one per ~100 KB).</summary>
    private static void AllocatedTypes(AccountSnapshot snapshot)
    {
        var mix = CallMix.Kinds.Select(CallMix.Call).ToArray();
        using var listener = new AllocationListener();
        for (var i = 0; i < 400_000; i++)
        {
            var (call, history) = mix[i % mix.Length];
            CallDecider.Default.Simulate(snapshot, call, history, divertGranted: false);
        }
        var total = listener.Bytes.Values.Sum();
        Console.WriteLine("  allocation samples by type (share of sampled bytes):");
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(p => p.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {100.0 * bytes / total,5:0.0} %  {type}"));
        }
    }

    /// <summary>"mean ns / bytes" of one stage, after a warm-up long enough for the tiered JIT to settle.</summary>
    private static string Measure(Action stage)
    {
        for (var i = 0; i < Repetitions; i++)
        {
            stage();
        }
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        stage();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Repetitions; i++)
        {
            stage();
        }
        var ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / Repetitions;
        return string.Create(CultureInfo.InvariantCulture, $"{ns,5:0}ns/{bytes,4}B");
    }
}
