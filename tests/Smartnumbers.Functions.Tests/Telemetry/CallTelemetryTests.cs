using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>Calls through the Twilio webhooks, seen through the in-memory exporter: the instruments and the call's spans and logs.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class CallTelemetryTests(TelemetryAppFactory factory)
{
    private const string CallId = "smartnumbers.call_id";
    private TelemetryCapture Telemetry => factory.Telemetry;
    private static readonly Route Normal = TwilioCalls.Route((["+441134960000"], 20));

    [Fact]
    public async Task A_blocked_call_is_counted_with_its_outcome_timed_and_its_webhook_timed()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal });
        await calls.BlockAsync(TwilioCalls.GenuineCaller);
        (string, string)[] blocked = [("carrier", "twilio"), ("action", "reject"), ("reason", "blocked"), ("source", "none")];
        var callsBefore = MetricReadings.Value(Telemetry, "smartnumbers.calls", blocked);
        var decisionsBefore = MetricReadings.Value(Telemetry, "smartnumbers.call.decision_duration", ("carrier", "twilio"));
        var webhooksBefore = MetricReadings.Value(Telemetry, "smartnumbers.webhook.duration", ("carrier", "twilio"), ("route", "/api/twilio/voice"));

        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller);

        Assert.Equal(["Reject"], TwilioCalls.Verbs(twiml));
        Assert.Equal(callsBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.calls", blocked));
        Assert.Equal(decisionsBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.call.decision_duration", ("carrier", "twilio")));
        Assert.Equal(webhooksBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.webhook.duration", ("carrier", "twilio"), ("route", "/api/twilio/voice")));
        var decision = MetricReadings.Latest(Telemetry, "smartnumbers.call.decision_duration")!;
        Assert.Equal("s", decision.Unit);
        var point = decision.MetricPoints.Single(p => MetricReadings.Tags(p)["carrier"] == "twilio");
        var bounds = new List<double>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        Assert.Equal(0.000_001, bounds[0]); // Buckets from 1 µs.
    }

    [Fact]
    public async Task A_connected_call_records_its_risk_score_and_its_span_carries_the_call_with_the_caller_only_hashed()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal });
        var scoredBefore = MetricReadings.Value(Telemetry, "smartnumbers.call.risk_score", ("carrier", "twilio"));
        var routedBefore = MetricReadings.Value(Telemetry, "smartnumbers.calls", ("carrier", "twilio"), ("action", "connect"), ("reason", "routed"), ("source", "normal"));
        var sid = TwilioWebhook.NewCallSid();

        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, sid);

        Assert.Equal(["Dial"], TwilioCalls.Verbs(twiml));
        Assert.Equal(scoredBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.call.risk_score", ("carrier", "twilio")));
        Assert.Equal(routedBefore + 1, MetricReadings.Value(Telemetry, "smartnumbers.calls", ("carrier", "twilio"), ("action", "connect"), ("reason", "routed"), ("source", "normal")));
        var span = await ServerSpanAsync(sid, "/api/twilio/voice");
        Assert.Equal("twilio", span.GetTagItem("smartnumbers.carrier"));
        Assert.Equal(calls.Account, span.GetTagItem("smartnumbers.account"));
        Assert.Equal(calls.Number, span.GetTagItem("smartnumbers.called_number"));
        Assert.Equal("connect", span.GetTagItem("smartnumbers.action"));
        Assert.Equal("routed", span.GetTagItem("smartnumbers.reason"));
        Assert.IsType<int>(span.GetTagItem("smartnumbers.risk_score"));
        Assert.Equal(Hmac(TelemetryCapture.CallerHashKey, TwilioCalls.GenuineCaller), span.GetTagItem("smartnumbers.caller.hash"));
        var digits = TwilioCalls.GenuineCaller[1..];
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(digits, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_voice_and_status_webhooks_of_one_call_share_its_call_id()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal });
        var sid = TwilioWebhook.NewCallSid();

        await calls.CallAsync(TwilioCalls.GenuineCaller, sid);
        var status = TwilioWebhook.CallForm(sid, TwilioCalls.GenuineCaller, calls.Number);
        status["CallStatus"] = "completed";
        status["CallDuration"] = "42";
        using var response = await factory.CreateClient().SendAsync(TwilioWebhook.Post("/api/twilio/status", status));
        response.EnsureSuccessStatusCode();

        var voice = await ServerSpanAsync(sid, "/api/twilio/voice");
        var ended = await ServerSpanAsync(sid, "/api/twilio/status");
        Assert.NotEqual(voice.TraceId, ended.TraceId); // Separate requests: only the call id ties them.
    }

    [Fact]
    public async Task Every_span_and_log_of_a_call_carries_its_call_id_down_to_the_storage_calls()
    {
        var sid = TwilioWebhook.NewCallSid();
        var calls = new TwilioCalls(factory);

        // A number nobody has: the pipeline asks Table Storage, then logs that the number is not ours.
        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, sid, to: TestAccountsNumber());

        Assert.Equal(["Reject"], TwilioCalls.Verbs(twiml));
        var server = await ServerSpanAsync(sid, "/api/twilio/voice");
        var trace = Telemetry.Spans.Copy().Where(s => s.TraceId == server.TraceId).ToList();
        var children = trace.Where(s => s.SpanId != server.SpanId).ToList();
        Assert.Contains(children, s => s.Kind == ActivityKind.Client); // Table Storage through the Azure SDK / HttpClient.
        Assert.All(trace, s => Assert.Equal(sid, s.GetTagItem(CallId)));
        Assert.Contains(Telemetry.Logs.Copy(), l => l.Category.EndsWith(".CallPipeline", StringComparison.Ordinal) && l.CallId == sid);
    }

    [Fact]
    public async Task A_request_that_is_not_a_call_carries_no_call_id_and_its_logs_none_either()
    {
        using var response = await factory.CreateClient().GetAsync("/api/health");
        var span = await Poll.UntilAsync(() => Task.FromResult(Telemetry.Spans.Copy().LastOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/health", StringComparison.Ordinal))), s => s is not null);
        Assert.Null(span!.GetTagItem(CallId));
        Assert.All(Telemetry.Spans.Copy().Where(s => s.TraceId == span.TraceId), s => Assert.Null(s.GetTagItem(CallId)));
    }

    private static string TestAccountsNumber() => Smartnumbers.Functions.Tests.Accounts.TestAccounts.NewNumber();

    private async Task<Activity> ServerSpanAsync(string callId, string route)
    {
        var span = await Poll.UntilAsync(
            () => Task.FromResult(Telemetry.Spans.Copy().FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem(CallId), callId)
                && Equals(s.GetTagItem("http.route"), route))),
            s => s is not null, TimeSpan.FromSeconds(10));
        return span!;
    }

    private static string Hmac(string key, string number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(number))[..16]);
}
