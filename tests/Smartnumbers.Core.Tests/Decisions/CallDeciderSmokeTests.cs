using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Decisions;

public sealed class CallDeciderSmokeTests
{
    [Fact]
    public void Genuine_mobile_caller_connects_to_the_normal_route()
    {
        var decision = CallDecider.Default.Simulate(Snapshot(), Call(GenuineMobile));

        Assert.Equal(DecisionAction.Connect, decision.Action);
        Assert.Equal(RouteSource.Normal, decision.Source);
        Assert.Equal([Agent], decision.Steps[0].Destinations);
        Assert.Equal([AgentMobile], decision.NextStep(0)!.Destinations);
        Assert.Null(decision.NextStep(1));
        Assert.True(decision.Risk.Scored);
    }

    [Fact]
    public void Withheld_caller_is_rejected_busy_when_acr_is_busy()
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Acr = ScreeningResponse.Busy });

        var decision = CallDecider.Default.Simulate(snapshot, Call("anonymous"));

        Assert.Equal(DecisionAction.Reject, decision.Action);
        Assert.Equal(RejectMode.Busy, decision.RejectMode);
        Assert.Equal(486, decision.SipCode);
        Assert.Equal(DecisionReasons.Acr, decision.Reason);
    }
}
