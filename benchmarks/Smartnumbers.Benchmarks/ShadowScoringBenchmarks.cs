using BenchmarkDotNet.Attributes;
using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Risk;

namespace Smartnumbers.Benchmarks;

/// <summary>
/// What a candidate model in shadow costs a scored call: the whole decision with the live model alone (baseline) and
/// with a candidate scoring beside it (one more dot product over the Call DNA vector, and a copy of the assessment record).
/// </summary>
[MemoryDiagnoser]
public class ShadowScoringBenchmarks
{
    private readonly CallDecider _liveOnly = new(RiskModel.Default);
    private readonly CallDecider _withCandidate = new(RiskModel.Default,
        RiskModel.FromJson("""{"bias": -3.6, "weights": {"callerIsCalledNumber": 3.5, "withheld": 1.4, "stirPassedA": -1.2}}"""));
    private AccountSnapshot _snapshot = null!;
    private (InboundCall Call, CallerHistory History) _one;
    private RiskAssessment _risk = null!;

    [Params("GenuineMobile", "HighRisk")]
    public string Kind { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = CallMix.Snapshot();
        _one = CallMix.Call(Kind);
        _risk = _liveOnly.Assess(_snapshot, _one.Call, _one.History).Risk;
    }

    [Benchmark(Baseline = true)]
    public RoutingDecision LiveOnly() => Decide(_liveOnly);

    [Benchmark]
    public RoutingDecision WithShadow() => Decide(_withCandidate);

    /// <summary>Only what shadow scoring adds to a scored call: the candidate's dot product and the assessment's copy.</summary>
    [Benchmark]
    public RiskAssessment ShadowScoreAlone() =>
        _risk with { ShadowScore = RiskModel.ScoreOf(_withCandidate.Candidate!.Probability(((CallDnaVector)_risk.Attributes).Values)) };

    private RoutingDecision Decide(CallDecider decider)
    {
        var assessment = decider.Assess(_snapshot, _one.Call, _one.History);
        return decider.Decide(assessment, assessment.DivertWanted);
    }
}
