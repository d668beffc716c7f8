using System.Text.Json;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Risk;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Risk;

public sealed class CallDnaExtractorTests
{
    private static RiskAssessment Risk(InboundCall call, CallerHistory? history = null) =>
        CallDecider.Default.Assess(Snapshot(with: s => s with
        {
            Numbers = new Dictionary<string, Core.Configuration.NumberConfig>(s.Numbers)
            {
                [Cards] = new() { Route = RouteTo(Agent) },
            },
        }), call, history).Risk;

    private static Dictionary<string, string> Hints(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void A_uk_landline_presented_from_abroad_is_spoofed_and_international_origin()
    {
        var risk = Risk(Call(GenuineLandline, hints: Hints((CallHints.FromCountry, "NG"))));

        Assert.Equal(1, risk.Attributes["ukLandlineFromAbroad"]);
        Assert.Equal(0, risk.Attributes["ukMobileFromAbroad"]);
        Assert.Equal(1, risk.Attributes["carrierForeignOrigin"]);
        Assert.Equal(1, risk.Attributes["carrierCountryMismatch"]);
        Assert.Equal(1, risk.Attributes["typeFixedLine"]);
        Assert.Contains("spoofed", risk.Tags);
    }

    [Fact]
    public void Another_number_of_the_account_and_a_neighbour_number_are_spoofing_signals()
    {
        var account = Risk(Call(Cards));
        var neighbour = Risk(Call("+441134960123"));

        Assert.Equal(1, account.Attributes["callerIsAccountNumber"]);
        Assert.Equal(0, account.Attributes["callerIsCalledNumber"]);
        Assert.Equal(1, neighbour.Attributes["neighbourSpoof"]);
        Assert.Equal(0, neighbour.Attributes["neighbourSpoofNear"]);
        Assert.Equal(1, Risk(Call(Agent)).Attributes["callerIsRouteDestination"]);
    }

    [Theory]
    [InlineData("TN-Validation-Passed-A", "stirPassedA")]
    [InlineData("TN-Validation-Passed-B", "stirPassedB")]
    [InlineData("TN-Validation-Passed-C", "stirPassedC")]
    [InlineData("TN-Validation-Failed-B", "stirFailed")]
    [InlineData("No-TN-Validation", "stirNoValidation")]
    [InlineData("TN-Validation-Passed-A-Diverted", "stirDiverted")]
    public void Stir_shaken_verdicts_map_to_their_attributes(string verstat, string attribute)
    {
        var risk = Risk(Call("+12025550143", hints: Hints((CallHints.StirVerstat, verstat))));

        Assert.Equal(1, risk.Attributes[attribute]);
        Assert.Equal(1, risk.Attributes["stirPresent"]);
        Assert.Equal(1, risk.Attributes["callerInternational"]);
    }

    [Fact]
    public void Signalling_hints_and_display_names_are_read()
    {
        var risk = Risk(Call("sip:+447984123456@gw.example", carrier: Carrier.Acs, displayName: "Barclays Fraud Team",
            hints: Hints(("sip.X-MS-Custom-A", "1"), ("voip.B", "2"), (CallHints.ForwardedFrom, "+441134960005"), (CallHints.SipSourceIp, "10.0.0.1"))));

        Assert.Equal(1, risk.Attributes["callerSipUri"]);
        Assert.Equal(0.2, risk.Attributes["sipHeaderCount"], 6);
        Assert.Equal(1, risk.Attributes["carrierAcs"]);
        Assert.Equal(1, risk.Attributes["displayNameAuthority"]);
        Assert.Equal(1, risk.Attributes["forwarded"]);
        Assert.Equal(1, risk.Attributes["sipSourceIp"]);
        Assert.Contains("voip", risk.Tags);
    }

    [Fact]
    public void Time_attributes_use_the_numbers_zone()
    {
        // Saturday 02:30 UTC in June is 03:30 BST.
        var risk = Risk(Call(GenuineMobile, at: new DateTimeOffset(2026, 6, 6, 2, 30, 0, TimeSpan.Zero)));

        Assert.Equal(1, risk.Attributes["localNight"]);
        Assert.Equal(1, risk.Attributes["localWeekend"]);
        Assert.Equal(1, risk.Attributes["localOutOfHours"]);
        Assert.Equal(3 / 23.0, risk.Attributes["localHour"], 6);
        Assert.Equal(0, risk.Attributes["calledTimeZoneFallback"]);
    }

    [Fact]
    public void Velocity_and_reputation_come_from_the_callers_history()
    {
        var history = new CallerHistory { CallsFromCallerLastHour = 6, CallsFromCallerLastDay = 9, DistinctNumbersCalledToday = 3, PriorFraudLabels = 2, PriorGenuineLabels = 1, WithheldCallsToNumberLastHour = 12 };

        var named = Risk(Call(GenuineMobile), history);
        var withheld = Risk(Call("anonymous"), history);

        Assert.Equal(1, named.Attributes["burstCaller"]);
        Assert.Equal(1, named.Attributes["numberHopping"]);
        Assert.Equal(1, named.Attributes["knownBadActor"]);
        Assert.Equal(0, named.Attributes["withheldStorm"]);
        Assert.Equal(Math.Log(7) / Math.Log(101), named.Attributes["callsLastHour"], 9);
        Assert.Equal(1, withheld.Attributes["withheldStorm"]);
        Assert.Contains("repeat", named.Tags);
        Assert.Contains("bad-actor", named.Tags);
        Assert.Equal(1, Risk(Call(GenuineMobile)).Attributes["firstTimeCaller"]);
    }

    [Fact]
    public void Uk_ranges_and_number_types_are_classified()
    {
        Assert.Equal(1, Risk(Call("+447012345678")).Attributes["typePersonalNumber"]);
        Assert.Equal(1, Risk(Call("+445612345678")).Attributes["typeVoip"]);
        Assert.Equal(1, Risk(Call("+448451234567")).Attributes["ukRevenueShare"]);
        Assert.Equal(1, Risk(Call("+447700900123")).Attributes["ukDramaRange"]);
        Assert.Equal(1, Risk(Call("+447700900123")).Attributes["presentationInvalid"]);
        Assert.Equal(1, Risk(Call("+80012345678")).Attributes["callerNonGeographicNetwork"]);
        Assert.Equal(1, Risk(Call(GenuineMobile, network: "+33142685300")).Attributes["networkRegionMismatch"]);
        Assert.Equal(1, Risk(Call(GenuineMobile, network: "+33142685300")).Attributes["networkForeignPresentationUk"]);
    }

    private static readonly string[] NetworkComparisons =
        ["networkMismatch", "networkRegionMismatch", "networkInvalid", "networkForeignPresentationUk", "network08979"];

    [Fact]
    public void Without_a_network_number_the_network_attributes_are_absent_not_zero()
    {
        var risk = Risk(Call(GenuineMobile));
        var withNetwork = Risk(Call(GenuineMobile, network: GenuineMobile));

        Assert.Equal(0, risk.Attributes["networkPresent"]);
        var json = JsonSerializer.Serialize(risk.Attributes);
        foreach (var name in NetworkComparisons)
        {
            Assert.False(risk.Attributes.ContainsKey(name), name);
            Assert.False(risk.Attributes.TryGetValue(name, out _), name);
            Assert.DoesNotContain(name, risk.Attributes.Keys);
            Assert.DoesNotContain($"\"{name}\"", json, StringComparison.Ordinal);
            Assert.Equal(0, withNetwork.Attributes[name]);
        }
        Assert.Equal(risk.Attributes.Count, risk.Attributes.Keys.Count());
        Assert.Equal(CallDnaCatalogue.Count - NetworkComparisons.Length, risk.Attributes.Count);
        Assert.Contains("\"networkPresent\":0", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_attributes_contribute_nothing_to_the_score_whatever_their_weight()
    {
        var heavy = RiskModel.FromJson("""{"bias": -4, "weights": {"networkMismatch": -9, "networkInvalid": 9, "network08979": 9}}""");
        var call = Call(GenuineMobile);
        var vector = (CallDnaVector)Risk(call).Attributes;

        var risk = heavy.Assess(vector);

        Assert.Equal(RiskModel.Default.Assess(vector).Probability, risk.Probability, 12);
        Assert.DoesNotContain(risk.Top, t => NetworkComparisons.Contains(t.Attribute));
    }

    [Fact]
    public void Stored_attributes_read_back_with_the_names_they_lack_absent()
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, double>>(JsonSerializer.Serialize(Risk(Call(GenuineMobile)).Attributes))!;

        var vector = CallDnaVector.FromAttributes(stored);

        Assert.False(vector.ContainsKey("networkMismatch"));
        Assert.True(vector.ContainsKey("networkPresent"));
        Assert.Equal(stored.Count, vector.Count);
        Assert.Equal(0, vector.Values[CallDnaCatalogue.IndexOf("networkMismatch")]);
    }
}
