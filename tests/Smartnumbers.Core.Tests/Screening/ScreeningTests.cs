using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Screening;

public sealed class ScreeningTests
{
    private static AccountSnapshot WithLists(string[]? block = null, string[]? allow = null, ScreeningOptions? account = null, NumberConfig? number = null) =>
        Snapshot(number, account, s => s with
        {
            BlockList = new CallerList { Entries = new HashSet<string>(block ?? []) },
            AllowList = new CallerList { Entries = new HashSet<string>(allow ?? []) },
        });

    [Theory]
    [InlineData("+447984123456", RejectMode.Busy, 486)]
    [InlineData("+447984999999", RejectMode.Busy, 486)]
    public void Block_list_rejects_exact_numbers_and_prefixes_busy_by_default(string from, RejectMode mode, int sip)
    {
        var snapshot = WithLists(block: [GenuineMobile, "+4479849*"]);

        var decision = CallDecider.Default.Simulate(snapshot, Call(from));

        Assert.Equal(DecisionAction.Reject, decision.Action);
        Assert.Equal(DecisionReasons.Blocked, decision.Reason);
        Assert.Equal(mode, decision.RejectMode);
        Assert.Equal(sip, decision.SipCode);
    }

    [Fact]
    public void Anonymous_block_entry_rejects_withheld_callers_with_the_numbers_block_response()
    {
        var number = new NumberConfig { Route = RouteTo(Agent), Screening = new ScreeningOptions { Blocked = ScreeningResponse.Unallocated } };
        var snapshot = WithLists(block: ["anonymous"], number: number);

        var decision = CallDecider.Default.Simulate(snapshot, Call("Restricted"));

        Assert.Equal(DecisionReasons.Blocked, decision.Reason);
        Assert.Equal(RejectMode.Unallocated, decision.RejectMode);
        Assert.Equal(404, decision.SipCode);
    }

    [Fact]
    public void Block_response_off_lets_the_call_through_but_scores_it_blocklisted()
    {
        var snapshot = WithLists(block: [GenuineMobile], account: new ScreeningOptions { Blocked = ScreeningResponse.Off });

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile));

        Assert.Equal(DecisionAction.Connect, decision.Action);
        Assert.Contains("blocklisted", decision.Risk.Tags);
        Assert.Equal(1, decision.Risk.Attributes["blocklisted"]);
    }

    [Fact]
    public void Allow_list_skips_the_block_list_and_icr_but_the_call_is_still_scored()
    {
        var snapshot = WithLists(block: [GenuineMobile], allow: [GenuineMobile], account: new ScreeningOptions { Icr = ScreeningResponse.Busy });

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile));

        Assert.Equal(DecisionAction.Connect, decision.Action);
        Assert.Equal(DecisionReasons.Trusted, decision.Reason);
        Assert.True(decision.Risk.Scored);
        Assert.Equal(1, decision.Risk.Attributes["blocklisted"]);
    }

    [Fact]
    public void Allow_listed_anonymous_entry_skips_acr()
    {
        var snapshot = WithLists(allow: ["anonymous"], account: new ScreeningOptions { Acr = ScreeningResponse.Busy });

        Assert.Equal(DecisionReasons.Trusted, CallDecider.Default.Simulate(snapshot, Call("anonymous")).Reason);
    }

    [Theory]
    [InlineData("TN-Validation-Failed-A")]
    [InlineData("TN-Validation-Failed")]
    [InlineData("TN-Validation-Passed-C")]
    public void An_allow_listed_caller_whose_stir_shaken_failed_or_gave_attestation_c_is_screened_like_any_caller(string verstat)
    {
        var snapshot = WithLists(block: ["+1202*"], allow: ["+1*"]);
        var call = Call("+12025550143", hints: new Dictionary<string, string> { [CallHints.StirVerstat] = verstat });

        var decision = CallDecider.Default.Simulate(snapshot, call);

        Assert.Equal(DecisionReasons.Blocked, decision.Reason);
        Assert.Contains(decision.Explanation, line => line.Contains("spoof", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_allow_listed_caller_with_stir_shaken_attestation_a_or_b_stays_trusted()
    {
        var snapshot = WithLists(block: ["+1202*"], allow: ["+1*"]);

        foreach (var verstat in new[] { "TN-Validation-Passed-A", "TN-Validation-Passed-B" })
        {
            var call = Call("+12025550143", hints: new Dictionary<string, string> { [CallHints.StirVerstat] = verstat });
            Assert.Equal(DecisionReasons.Trusted, CallDecider.Default.Simulate(snapshot, call).Reason);
        }
    }

    [Fact]
    public void An_allow_listed_prefix_does_not_exempt_a_caller_presenting_the_called_number_from_the_block_list()
    {
        var snapshot = WithLists(block: [Retail], allow: ["+44*"]);

        var decision = CallDecider.Default.Simulate(snapshot, Call(Retail));

        Assert.Equal(DecisionReasons.Blocked, decision.Reason);
    }

    [Theory]
    [InlineData(ScreeningResponse.Announcement, RejectMode.Announcement, 200)]
    [InlineData(ScreeningResponse.Busy, RejectMode.Busy, 486)]
    [InlineData(ScreeningResponse.Unallocated, RejectMode.Unallocated, 404)]
    public void Acr_rejects_withheld_callers_with_its_reply_mode(ScreeningResponse response, RejectMode mode, int sip)
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Acr = response });

        var decision = CallDecider.Default.Simulate(snapshot, Call("4:anonymous", carrier: Carrier.Acs));

        Assert.Equal(DecisionReasons.Acr, decision.Reason);
        Assert.Equal(mode, decision.RejectMode);
        Assert.Equal(sip, decision.SipCode);
        Assert.Equal(mode == RejectMode.Announcement, decision.Announcement is not null);
    }

    [Fact]
    public void Acr_announcement_uses_the_accounts_text()
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Acr = ScreeningResponse.Announcement },
            with: s => s with { Settings = s.Settings with { Announcements = new Announcements { Acr = "Show your number." } } });

        Assert.Equal("Show your number.", CallDecider.Default.Simulate(snapshot, Call("anonymous")).Announcement);
    }

    [Fact]
    public void Number_screening_overrides_the_account_default_and_null_falls_back()
    {
        var number = new NumberConfig { Route = RouteTo(Agent), Screening = new ScreeningOptions { Acr = ScreeningResponse.Off } };
        var snapshot = Snapshot(number, new ScreeningOptions { Acr = ScreeningResponse.Busy, Icr = ScreeningResponse.Unallocated });

        Assert.Equal(DecisionAction.Connect, CallDecider.Default.Simulate(snapshot, Call("anonymous")).Action);
        Assert.Equal(DecisionReasons.IcrInvalid, CallDecider.Default.Simulate(snapshot, Call("+447700900123")).Reason);
    }

    [Theory]
    [InlineData("", DecisionReasons.IcrMissing)]
    [InlineData("unknown", DecisionReasons.IcrMissing)]
    [InlineData("sip:alice@pbx.example.com", DecisionReasons.IcrNonDialable)]
    [InlineData("HMRC", DecisionReasons.IcrNonDialable)]
    [InlineData("+447700900123", DecisionReasons.IcrInvalid)]
    [InlineData("+0044123", DecisionReasons.IcrInvalid)]
    [InlineData("+4412345", DecisionReasons.IcrWrongLength)]
    [InlineData("+4479841234567", DecisionReasons.IcrWrongLength)]
    [InlineData("+449098790123", DecisionReasons.IcrPremiumRate)]
    [InlineData("+448979123456", DecisionReasons.IcrNonDialable)]
    [InlineData("+441000000000", DecisionReasons.IcrInvalid)]
    public void Icr_rejects_missing_non_dialable_invalid_and_never_valid_caller_ids(string from, string reason)
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Icr = ScreeningResponse.Unallocated });

        var decision = CallDecider.Default.Simulate(snapshot, Call(from));

        Assert.Equal(DecisionAction.Reject, decision.Action);
        Assert.Equal(reason, decision.Reason);
        Assert.Equal(RejectMode.Unallocated, decision.RejectMode);
    }

    [Theory]
    [InlineData("+33142685300")]
    [InlineData("+12025550143")]
    [InlineData("+447984123456")]
    [InlineData("07984123456")]
    [InlineData("anonymous")]
    public void Icr_passes_valid_callers_including_international_and_privacy_withheld(string from)
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Icr = ScreeningResponse.Busy });

        Assert.Equal(DecisionAction.Connect, CallDecider.Default.Simulate(snapshot, Call(from)).Action);
    }

    [Fact]
    public void A_caller_with_no_caller_id_at_all_is_icr_missing_even_when_acr_is_on()
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Acr = ScreeningResponse.Announcement, Icr = ScreeningResponse.Unallocated });

        var decision = CallDecider.Default.Simulate(snapshot, Call(""));

        Assert.Equal(DecisionReasons.IcrMissing, decision.Reason);
        Assert.Equal(RejectMode.Unallocated, decision.RejectMode);
    }

    [Fact]
    public void A_caller_with_no_caller_id_is_still_caught_by_acr_when_icr_is_off()
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Acr = ScreeningResponse.Busy });

        Assert.Equal(DecisionReasons.Acr, CallDecider.Default.Simulate(snapshot, Call(null)).Reason);
    }

    [Fact]
    public void A_privacy_flagged_caller_without_a_number_is_acr_business_not_icr_missing()
    {
        var icrOnly = Snapshot(accountScreening: new ScreeningOptions { Icr = ScreeningResponse.Busy });
        var both = Snapshot(accountScreening: new ScreeningOptions { Acr = ScreeningResponse.Busy, Icr = ScreeningResponse.Unallocated });

        Assert.Equal(DecisionAction.Connect, CallDecider.Default.Simulate(icrOnly, Call(null, carrier: Carrier.Acs, anonymous: true)).Action);
        Assert.Equal(DecisionReasons.Acr, CallDecider.Default.Simulate(both, Call("", carrier: Carrier.Acs, anonymous: true)).Reason);
    }

    [Fact]
    public void Icr_checks_the_network_number_too()
    {
        var snapshot = Snapshot(accountScreening: new ScreeningOptions { Icr = ScreeningResponse.Busy });

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile, network: "+449098790123"));

        Assert.Equal(DecisionReasons.IcrPremiumRate, decision.Reason);
    }

    [Fact]
    public void A_call_to_a_number_the_account_does_not_have_is_rejected_unallocated()
    {
        var decision = CallDecider.Default.Simulate(Snapshot(), Call(GenuineMobile, called: "+442079460999"));

        Assert.Equal(DecisionReasons.UnknownNumber, decision.Reason);
        Assert.Equal(RejectMode.Unallocated, decision.RejectMode);
    }
}
