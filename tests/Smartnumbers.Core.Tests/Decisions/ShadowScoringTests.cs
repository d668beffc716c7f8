using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Risk;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Decisions;

public sealed class ShadowScoringTests
{
    private static readonly RiskModel Alarmist = RiskModel.FromJson("""{"bias": 3, "weights": {}}""");

    private static AccountSnapshot Guarded() => Snapshot(new NumberConfig
    {
        Route = RouteTo(Agent),
        Fraud = new FraudPolicy { Enabled = true, Threshold = 70, MaxDivertsPerHour = 5, HighRiskRoute = RouteTo(FraudDesk) },
    });

    [Fact]
    public void The_candidate_scores_beside_the_live_model_and_never_changes_the_decision()
    {
        var snapshot = Guarded();
        var call = Call(GenuineMobile);

        var live = new CallDecider().Assess(snapshot, call);
        var shadowed = new CallDecider(candidate: Alarmist).Assess(snapshot, call);

        Assert.Null(live.Risk.ShadowScore);
        Assert.Equal(RiskModel.ScoreOf(Alarmist.Probability(CallDnaVector.FromAttributes(shadowed.Risk.Attributes).Values)), shadowed.Risk.ShadowScore);
        Assert.True(shadowed.Risk.ShadowScore >= 90); // The candidate alone would divert this call …
        Assert.Equal(live.Risk.Score, shadowed.Risk.Score); // … but the live score decides.
        Assert.False(shadowed.HighRisk);
        Assert.False(shadowed.DivertWanted);
        Assert.Equal(new CallDecider().Decide(live).Steps[0].Destinations, new CallDecider(candidate: Alarmist).Decide(shadowed).Steps[0].Destinations);
    }

    [Fact]
    public void A_call_rejected_before_scoring_has_no_shadow_score()
    {
        var snapshot = Guarded() with { BlockList = new CallerList { Entries = new HashSet<string> { GenuineMobile } } };

        var assessment = new CallDecider(candidate: Alarmist).Assess(snapshot, Call(GenuineMobile));

        Assert.NotNull(assessment.Rejection);
        Assert.Null(assessment.Risk.ShadowScore);
    }
}
