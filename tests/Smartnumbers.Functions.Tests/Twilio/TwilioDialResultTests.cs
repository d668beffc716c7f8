using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>Per-call failover through POST /api/twilio/dial-result, and POST /api/twilio/status, over HTTP with Azurite.</summary>
[Collection(AppCollection.Name)]
public sealed class TwilioDialResultTests(SmartnumbersAppFactory factory)
{
    private static readonly DialSequence ThreeSteps = new()
    {
        Steps =
        [
            new RouteStep { Destinations = ["+441134960000"], RingSeconds = 20 },
            new RouteStep { Destinations = ["+447700900123", "sip:desk@pbx.example;transport=tls"], RingSeconds = 25 },
            new RouteStep { Destinations = ["+447700900999"], RingSeconds = 15 },
        ],
        Closing = "Sorry, nobody can take your call.",
        RiskScore = 42,
        Tags = ["voip", "international"],
    };

    private (string Url, DialResultState State) Link(int step, string? account = null)
    {
        var state = new DialResultState(account ?? SmartnumbersAppFactory.NewAccountId("tw"), "+441134960001", TwilioWebhook.NewCallSid(),
            factory.Services.GetRequiredService<TimeProvider>().GetUtcNow(), step, ThreeSteps);
        var url = factory.Services.GetRequiredService<TwilioDialer>().Link!.Create(state);
        return (url, state);
    }

    private async Task<(HttpResponseMessage Response, XElement Twiml)> PostAsync(string url, string callSid, string dialCallStatus, int? sipCode = null)
    {
        var form = TwilioWebhook.CallForm(callSid);
        form["DialCallStatus"] = dialCallStatus;
        form["DialCallSid"] = TwilioWebhook.NewCallSid();
        if (sipCode is not null)
        {
            form["DialSipResponseCode"] = sipCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await factory.CreateClient().SendAsync(TwilioWebhook.Post(url, form));
        var body = await response.Content.ReadAsStringAsync();
        return (response, response.IsSuccessStatusCode ? XDocument.Parse(body).Root! : new XElement("None"));
    }

    [Theory]
    [InlineData("busy")]
    [InlineData("no-answer")]
    [InlineData("failed")]
    public async Task A_step_that_did_not_connect_dials_the_next_step_with_a_signed_link_for_it(string status)
    {
        var (url, state) = Link(0);

        var (response, twiml) = await PostAsync(url, state.CallId, status);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.False(response.Headers.TransferEncodingChunked ?? false);
        var dial = Assert.Single(twiml.Elements());
        Assert.Equal("Dial", dial.Name.LocalName);
        Assert.Equal("25", dial.Attribute("timeout")?.Value);
        Assert.Equal("true", dial.Attribute("answerOnBridge")?.Value);
        Assert.Equal(["Number", "Sip"], dial.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("sip:desk@pbx.example;transport=tls?X-Smartnumbers-Risk=42&X-Smartnumbers-Tags=voip%2Cinternational", dial.Elements().Last().Value);
        var next = factory.Services.GetRequiredService<TwilioDialer>().Link!.Read(
            new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + dial.Attribute("action")!.Value).Query)));
        Assert.Equal(1, next?.Step);
        Assert.Equal(state.CallId, next?.CallId);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("answered")]
    public async Task A_connected_step_hangs_up(string status)
    {
        var (url, state) = Link(1);

        var (_, twiml) = await PostAsync(url, state.CallId, status);

        Assert.Equal(["Hangup"], twiml.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task After_the_last_step_fails_the_closing_announcement_plays_then_the_call_hangs_up()
    {
        var (url, state) = Link(2);

        var (_, twiml) = await PostAsync(url, state.CallId, "no-answer");

        Assert.Equal(["Say", "Hangup"], twiml.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(ThreeSteps.Closing, twiml.Elements().First().Value);
    }

    [Fact]
    public async Task An_altered_link_is_refused_even_when_the_request_signature_is_valid()
    {
        var (url, state) = Link(0);
        var altered = url.Replace("step=0", "step=2", StringComparison.Ordinal);

        var (response, twiml) = await PostAsync(altered, state.CallId, "busy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Hangup"], twiml.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Step_outcomes_and_the_final_status_land_on_the_call_record_and_in_delivery_outcomes()
    {
        var (url, state) = Link(0);
        var writer = factory.Services.GetRequiredService<CallRecordWriter>();
        var store = factory.Services.GetRequiredService<CallRecordStore>();
        writer.Enqueue(CallStarted.For(new CallRecord
        {
            CallId = state.CallId, Carrier = "twilio", AccountId = state.AccountId, CalledNumber = state.CalledNumber,
            PresentationNumber = "+447700900123", StartedAt = state.StartedAt,
            Decision = new CallDecisionSummary { Action = "connect", Source = "normal" },
        }));

        var (_, twiml) = await PostAsync(url, state.CallId, "busy", sipCode: 486);
        var nextUrl = twiml.Element("Dial")!.Attribute("action")!.Value;
        await PostAsync(nextUrl, state.CallId, "completed");
        var form = TwilioWebhook.CallForm(state.CallId);
        form["CallStatus"] = "completed";
        form["CallDuration"] = "73";
        using var status = await factory.CreateClient().SendAsync(TwilioWebhook.Post("/api/twilio/status", form));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        var record = await Poll.UntilAsync(() => store.GetAsync(state.AccountId, state.CallId, CancellationToken.None),
            r => r is { FinalStatus: not null, Steps.Count: 2 });
        Assert.Equal("completed", record!.FinalStatus);
        Assert.Equal(73, record.DurationSeconds);
        Assert.Equal(["busy", "completed"], record.Steps.Select(s => s.Status));
        Assert.Equal(486, record.Steps[0].SipResponseCode);
        Assert.Equal("normal", record.Decision?.Source);
        var outcome = Assert.Single(await store.OutcomesAsync(state.AccountId, "+441134960000", null, CancellationToken.None).ToListAsync());
        Assert.Equal(("busy", true, state.CallId), (outcome.Status, outcome.Reached, outcome.CallId));
        Assert.Single(await store.OutcomesAsync(state.AccountId, "sip:desk@pbx.example;transport=tls", null, CancellationToken.None).ToListAsync());
    }
}
