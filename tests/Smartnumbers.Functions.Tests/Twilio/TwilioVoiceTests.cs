using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>POST /api/twilio/voice end to end: signed webhook in, decision on the account's real config (Azurite), TwiML out.</summary>
[Collection(AppCollection.Name)]
public sealed class TwilioVoiceTests(SmartnumbersAppFactory factory)
{
    private static readonly Route Normal = TwilioCalls.Route((["+441134960000"], 20));

    [Fact]
    public async Task Withheld_caller_is_rejected_busy_when_acr_is_busy()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Acr = ScreeningResponse.Busy } });

        var (response, twiml, _) = await calls.CallAsync("Anonymous");

        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.False(response.Headers.TransferEncodingChunked ?? false);
        Assert.Equal(["Reject"], TwilioCalls.Verbs(twiml));
        Assert.Equal("busy", twiml.Element("Reject")!.Attribute("reason")!.Value);
    }

    [Fact]
    public async Task Invalid_network_caller_id_is_rejected_as_unallocated_when_icr_is_unallocated()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Icr = ScreeningResponse.Unallocated } });

        var (_, twiml, _) = await calls.CallAsync("+447700900123");

        Assert.Equal(["Reject"], TwilioCalls.Verbs(twiml));
        Assert.Equal("rejected", twiml.Element("Reject")!.Attribute("reason")!.Value);
    }

    [Fact]
    public async Task Icr_announcement_answers_speaks_the_accounts_text_and_hangs_up()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Icr = ScreeningResponse.Announcement } },
            new AccountSettings { Name = "Announcing", Announcements = new Announcements { Icr = "We could not identify your number & so cannot connect you." } });

        var (_, twiml, _) = await calls.CallAsync("12");

        Assert.Equal(["Say", "Hangup"], TwilioCalls.Verbs(twiml));
        Assert.Equal("We could not identify your number & so cannot connect you.", twiml.Element("Say")!.Value);
    }

    [Fact]
    public async Task A_blocklisted_caller_is_rejected_busy()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal });
        await calls.BlockAsync(TwilioCalls.GenuineCaller);

        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller);

        Assert.Equal(["Reject"], TwilioCalls.Verbs(twiml));
        Assert.Equal("busy", twiml.Element("Reject")!.Attribute("reason")!.Value);
    }

    [Fact]
    public async Task A_genuine_caller_is_connected_to_the_normal_route_and_the_call_is_recorded_and_counted()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = TwilioCalls.Route((["+441134960000", "sip:desk@pbx.example"], 25)) });
        var sid = TwilioWebhook.NewCallSid();

        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, sid, new() { ["FromCountry"] = "GB", ["StirVerstat"] = "TN-Validation-Passed-A" });

        var dial = Assert.Single(twiml.Elements());
        Assert.Equal(("Dial", "25", "true", "POST"), (dial.Name.LocalName, dial.Attribute("timeout")?.Value, dial.Attribute("answerOnBridge")?.Value, dial.Attribute("method")?.Value));
        Assert.StartsWith("/api/twilio/dial-result?account=", dial.Attribute("action")!.Value, StringComparison.Ordinal);
        Assert.Equal("+441134960000", dial.Element("Number")!.Value);
        Assert.Equal("sip:desk@pbx.example", dial.Element("Sip")!.Value); // Not flagged: nothing for the agent.

        var store = factory.Services.GetRequiredService<CallRecordStore>();
        var record = await Poll.UntilAsync(() => store.GetAsync(calls.Account, sid, CancellationToken.None), r => r is not null);
        Assert.Equal(("twilio", calls.Number, TwilioCalls.GenuineCaller, "connect", "normal"),
            (record!.Carrier, record.CalledNumber, record.PresentationNumber, record.Decision?.Action, record.Decision?.Source));
        Assert.NotEmpty(record.Risk!.Attributes);
        var counters = factory.Services.GetRequiredService<ICallerHistory>();
        await Poll.UntilAsync(() => counters.GetAsync(calls.Account, TwilioCalls.GenuineCaller, calls.Number, record.StartedAt), h => h.CallsFromCallerToday == 1);
    }

    [Fact]
    public async Task A_high_risk_call_is_diverted_within_the_hourly_cap_then_routed_normally()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig
        {
            Route = Normal,
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 1, HighRiskRoute = TwilioCalls.Route((["+441134960099"], 30)) },
        });

        var (_, first, _) = await calls.CallAsync(TwilioCalls.GenuineCaller);
        var (_, second, _) = await calls.CallAsync("+447911123457");

        Assert.Equal("+441134960099", first.Element("Dial")!.Element("Number")!.Value);
        Assert.Equal("+441134960000", second.Element("Dial")!.Element("Number")!.Value);
    }

    [Fact]
    public async Task A_call_that_finds_no_one_fails_over_step_by_step_then_plays_the_closing_words()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = TwilioCalls.Route((["+441134960000"], 10), (["+441134960010"], 15)) },
            new AccountSettings { Name = "Closing", Announcements = new Announcements { Closed = "We are closed." } });
        var sid = TwilioWebhook.NewCallSid();

        var (_, first, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, sid);
        var (_, second, _) = await calls.DialResultAsync(first.Element("Dial")!.Attribute("action")!.Value, sid, "busy");
        var (_, last, _) = await calls.DialResultAsync(second.Element("Dial")!.Attribute("action")!.Value, sid, "no-answer");

        Assert.Equal(("10", "+441134960000"), (first.Element("Dial")!.Attribute("timeout")!.Value, first.Element("Dial")!.Element("Number")!.Value));
        Assert.Equal(("15", "+441134960010"), (second.Element("Dial")!.Attribute("timeout")!.Value, second.Element("Dial")!.Element("Number")!.Value));
        Assert.Equal(["Say", "Hangup"], TwilioCalls.Verbs(last));
        Assert.Equal("We are closed.", last.Element("Say")!.Value);
        var store = factory.Services.GetRequiredService<CallRecordStore>();
        var record = await Poll.UntilAsync(() => store.GetAsync(calls.Account, sid, CancellationToken.None), r => r is { Steps.Count: 2 });
        Assert.Equal(["busy", "no-answer"], record!.Steps.Select(s => s.Status));
    }

    [Fact]
    public async Task A_sip_domain_call_is_understood_from_its_uris()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Icr = ScreeningResponse.Busy, Acr = ScreeningResponse.Busy } });

        var (_, twiml, _) = await calls.CallAsync($"sip:{TwilioCalls.GenuineCaller}@203.0.113.7", to: $"sip:{calls.Number}@smartnumbers.sip.twilio.com",
            extra: new() { ["SipDomain"] = "smartnumbers.sip.twilio.com", ["SipHeader_X-Branch"] = "leeds" });

        Assert.Equal(["Dial"], TwilioCalls.Verbs(twiml));
    }

    [Fact]
    public async Task A_sip_domain_call_whose_pbx_passes_a_premium_rate_network_caller_id_is_rejected_by_icr()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Icr = ScreeningResponse.Busy } });
        var sid = TwilioWebhook.NewCallSid();

        var (_, twiml, _) = await calls.CallAsync($"sip:{TwilioCalls.GenuineCaller}@203.0.113.7", sid, to: $"sip:{calls.Number}@smartnumbers.sip.twilio.com",
            extra: new() { ["SipDomain"] = "smartnumbers.sip.twilio.com", ["SipHeader_X-Network-Caller-Id"] = "<sip:+449098790123@pbx.example;user=phone>" });

        Assert.Equal(["Reject"], TwilioCalls.Verbs(twiml));
        var store = factory.Services.GetRequiredService<CallRecordStore>();
        var record = await Poll.UntilAsync(() => store.GetAsync(calls.Account, sid, CancellationToken.None), r => r is not null);
        Assert.Equal("+449098790123", record!.NetworkNumber);
        Assert.Equal("icr-premium-rate", record.Decision!.Reason);
    }

    [Fact]
    public async Task A_retried_webhook_gets_the_same_answer_and_is_recorded_and_counted_once()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal });
        var sid = TwilioWebhook.NewCallSid();
        const string caller = "+447911123458";

        var (_, _, first) = await calls.CallAsync(caller, sid, idempotencyToken: sid + "-1");
        var (_, _, retry) = await calls.CallAsync(caller, sid, idempotencyToken: sid + "-1");

        Assert.Equal(first, retry);
        var store = factory.Services.GetRequiredService<CallRecordStore>();
        var writer = factory.Services.GetRequiredService<CallRecordWriter>();
        var record = await Poll.UntilAsync(() => store.GetAsync(calls.Account, sid, CancellationToken.None), r => r is not null);
        var counters = factory.Services.GetRequiredService<ICallerHistory>();
        await Poll.UntilAsync(async () => (await counters.GetAsync(calls.Account, caller, calls.Number, record!.StartedAt), writer.Pending),
            x => x.Item1.CallsFromCallerToday >= 1 && x.Pending == 0);
        Assert.Equal(1, (await counters.GetAsync(calls.Account, caller, calls.Number, record!.StartedAt)).CallsFromCallerToday);
        Assert.Single(await store.ListAsync(calls.Account, null, null, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_call_to_a_number_no_account_has_is_rejected()
    {
        var calls = new TwilioCalls(factory);

        var (response, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, to: "+447911000001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Reject"], TwilioCalls.Verbs(twiml));
    }
}
