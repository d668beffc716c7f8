using BenchmarkDotNet.Attributes;
using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Benchmarks;

/// <summary>The whole decision (screening + Call DNA + score + route) per call kind, and the mix of all kinds.</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private AccountSnapshot _snapshot = null!;
    private (InboundCall Call, CallerHistory History) _one;
    private (InboundCall Call, CallerHistory History)[] _mix = [];

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => CallMix.Kinds;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = CallMix.Snapshot();
        _one = CallMix.Call(Kind);
        _mix = [.. CallMix.Kinds.Select(CallMix.Call)];
        CallDecider.Default.Simulate(_snapshot, _one.Call, _one.History);
    }

    [Benchmark]
    public RoutingDecision Decide()
    {
        var assessment = CallDecider.Default.Assess(_snapshot, _one.Call, _one.History);
        return CallDecider.Default.Decide(assessment, assessment.DivertWanted);
    }
}
