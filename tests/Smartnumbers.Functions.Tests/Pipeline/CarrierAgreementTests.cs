using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>Twilio renders the same decision ACS does: the agent hears about risk only when the policy says so.</summary>
[Collection(AppCollection.Name)]
public sealed class CarrierAgreementTests(SmartnumbersAppFactory factory)
{
    private const string Agent = "sip:agent@pbx.example.com";

    private async Task<string> SipDialledAsync(bool notifyAgent)
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig
        {
            Route = TwilioCalls.Route(([Agent], 20)),
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, NotifyAgent = notifyAgent },
        });

        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller);
        return twiml.Element("Dial")!.Element("Sip")!.Value;
    }

    [Fact]
    public async Task A_flagged_call_carries_no_risk_headers_to_the_agent_when_the_policy_does_not_notify_the_agent()
    {
        var sip = await SipDialledAsync(notifyAgent: false);

        Assert.DoesNotContain(TwilioDialer.RiskHeader, sip, StringComparison.Ordinal);
        Assert.DoesNotContain(TwilioDialer.TagsHeader, sip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flagged_call_carries_its_risk_headers_to_the_agent_when_the_policy_notifies_the_agent()
    {
        var sip = await SipDialledAsync(notifyAgent: true);

        Assert.Contains(TwilioDialer.RiskHeader + "=", sip, StringComparison.Ordinal);
    }
}
