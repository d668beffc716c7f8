using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Decisions;

public sealed class FraudPolicyTests
{
    private static AccountSnapshot Guarded(int threshold = 70, int cap = 20, bool enabled = true, Route? trusted = null) =>
        Snapshot(new NumberConfig
        {
            Route = RouteTo(Agent),
            Fraud = new FraudPolicy
            {
                Enabled = enabled,
                Threshold = threshold,
                MaxDivertsPerHour = cap,
                HighRiskRoute = RouteTo(FraudDesk),
                TrustedRoute = trusted,
            },
        }, with: s => s with { AllowList = new CallerList { Entries = new HashSet<string> { GenuineLandline } } });

    /// <summary>A caller spoofing the called number, from abroad, calling repeatedly: unmistakably high risk.</summary>
    private static InboundCall Spoofer() =>
        Call(Retail, hints: new Dictionary<string, string> { [CallHints.FromCountry] = "NG" });

    private static readonly CallerHistory Busy = new() { CallsFromCallerLastHour = 8, CallsFromCallerLastDay = 30, DistinctNumbersCalledToday = 4 };

    [Fact]
    public void A_high_risk_call_wants_a_divert_and_goes_to_the_fraud_route_when_granted()
    {
        var assessment = CallDecider.Default.Assess(Guarded(), Spoofer(), Busy);

        Assert.True(assessment.HighRisk);
        Assert.True(assessment.DivertWanted);
        Assert.Equal(20, assessment.MaxDivertsPerHour);
        var decision = CallDecider.Default.Decide(assessment, divertGranted: true);
        Assert.Equal(RouteSource.Fraud, decision.Source);
        Assert.Equal(DecisionReasons.HighRiskDivert, decision.Reason);
        Assert.Equal([FraudDesk], decision.Steps[0].Destinations);
        Assert.True(decision.Flagged);
        Assert.True(decision.NotifyAgent);
        Assert.Contains("spoofed", decision.Risk.Tags);
        Assert.Equal("callerIsCalledNumber", decision.Risk.Top[0].Attribute);
    }

    [Fact]
    public void When_the_cap_is_reached_the_call_routes_normally_and_is_flagged()
    {
        var assessment = CallDecider.Default.Assess(Guarded(), Spoofer(), Busy);

        var decision = CallDecider.Default.Decide(assessment, divertGranted: false);

        Assert.Equal(RouteSource.Normal, decision.Source);
        Assert.True(decision.FraudCapReached);
        Assert.True(decision.Flagged);
        Assert.Equal(DecisionReasons.HighRiskCapReached, decision.Reason);
    }

    [Fact]
    public void A_disabled_policy_or_a_low_score_wants_no_divert()
    {
        Assert.False(CallDecider.Default.Assess(Guarded(enabled: false), Spoofer(), Busy).DivertWanted);
        var genuine = CallDecider.Default.Assess(Guarded(), Call(GenuineMobile));
        Assert.False(genuine.DivertWanted);
        Assert.True(genuine.Risk.Score < 70, $"score {genuine.Risk.Score}");
        Assert.False(CallDecider.Default.Decide(genuine, divertGranted: true).Flagged);
    }

    [Fact]
    public void A_zero_cap_flags_without_asking_for_a_slot()
    {
        var assessment = CallDecider.Default.Assess(Guarded(cap: 0), Spoofer(), Busy);

        Assert.True(assessment.HighRisk);
        Assert.False(assessment.DivertWanted);
        Assert.True(CallDecider.Default.Decide(assessment).Flagged);
    }

    [Fact]
    public void Allow_listed_callers_take_the_trusted_route()
    {
        var decision = CallDecider.Default.Simulate(Guarded(trusted: RouteTo(AgentMobile)), Call(GenuineLandline));

        Assert.Equal(RouteSource.Trusted, decision.Source);
        Assert.Equal([AgentMobile], decision.Steps[0].Destinations);
    }

    [Fact]
    public void An_allow_listed_caller_is_scored_but_never_diverted_or_flagged()
    {
        var assessment = CallDecider.Default.Assess(Guarded(threshold: 0), Call(GenuineLandline), Busy);

        Assert.True(assessment.Trusted);
        Assert.True(assessment.Risk.Scored);
        Assert.False(assessment.HighRisk);
        Assert.False(assessment.DivertWanted);
        var decision = CallDecider.Default.Decide(assessment, divertGranted: true);
        Assert.Equal(DecisionReasons.Trusted, decision.Reason);
        Assert.False(decision.Flagged);
        Assert.False(decision.NotifyAgent);
    }

    [Fact]
    public void An_allow_listed_prefix_does_not_trust_a_caller_presenting_the_called_number()
    {
        var snapshot = Guarded(trusted: RouteTo(AgentMobile)) with
        {
            AllowList = new CallerList { Entries = new HashSet<string> { "+44*" } },
        };

        var assessment = CallDecider.Default.Assess(snapshot, Spoofer(), Busy);

        Assert.False(assessment.Trusted);
        Assert.True(assessment.DivertWanted);
        var decision = CallDecider.Default.Decide(assessment, divertGranted: true);
        Assert.Equal(RouteSource.Fraud, decision.Source);
        Assert.Equal(DecisionReasons.HighRiskDivert, decision.Reason);
    }

    [Fact]
    public void Decide_is_repeatable_on_the_same_assessment()
    {
        var assessment = CallDecider.Default.Assess(Guarded(), Spoofer(), Busy);
        var linesBefore = assessment.Explanation.Count;

        var first = CallDecider.Default.Decide(assessment, true);
        var second = CallDecider.Default.Decide(assessment, false);

        Assert.Equal(RouteSource.Fraud, first.Source);
        Assert.Equal(RouteSource.Normal, second.Source);
        Assert.Equal(linesBefore, assessment.Explanation.Count);
    }
}
