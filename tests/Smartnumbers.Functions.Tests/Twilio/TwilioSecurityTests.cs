using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>The app with its own log sink and a public base URL, to check refusals, their log lines and that nothing is recorded.</summary>
public sealed class TwilioSecurityFactory : SmartnumbersAppFactory
{
    public const string PublicBase = "https://smartnumbers.example.net/edge";

    public TwilioSecurityFactory()
    {
        Settings["Twilio:PublicBaseUrl"] = PublicBase;
        ConfigureTestServices.Add(s => s.AddSingleton<ILoggerProvider>(Sink).AddSingleton<TableStoreProbe>());
    }

    public LogSink Sink { get; } = new();
}

public sealed class TwilioSecurityTests(TwilioSecurityFactory factory) : IClassFixture<TwilioSecurityFactory>
{
    private static Dictionary<string, string> StatusForm(string callSid)
    {
        var form = TwilioWebhook.CallForm(callSid);
        form["CallStatus"] = "completed";
        form["CallDuration"] = "5";
        return form;
    }

    private async Task AssertRefusedAndNotRecordedAsync(HttpRequestMessage request, string callSid, string problem)
    {
        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(factory.Sink.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("SECURITY: Twilio request to /api/twilio/status refused: " + problem, StringComparison.Ordinal));
        // A valid request for another call lands; the refused one never does.
        var control = TwilioWebhook.NewCallSid();
        using var ok = await factory.CreateClient().SendAsync(TwilioWebhook.Post("/api/twilio/status", StatusForm(control), origin: TwilioSecurityFactory.PublicBase));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var store = factory.Services.GetRequiredService<TableStoreProbe>();
        await Poll.UntilAsync(() => store.HasIndexAsync(control), found => found);
        Assert.False(await store.HasIndexAsync(callSid));
    }

    [Fact]
    public async Task A_request_without_a_signature_is_refused_logged_and_not_recorded()
    {
        var sid = TwilioWebhook.NewCallSid();
        await AssertRefusedAndNotRecordedAsync(TwilioWebhook.Post("/api/twilio/status", StatusForm(sid), sign: false), sid, "missing");
    }

    [Fact]
    public async Task A_request_signed_with_another_token_is_refused()
    {
        var sid = TwilioWebhook.NewCallSid();
        await AssertRefusedAndNotRecordedAsync(TwilioWebhook.Post("/api/twilio/status", StatusForm(sid), token: "not-the-token", origin: TwilioSecurityFactory.PublicBase), sid, "wrong");
    }

    [Fact]
    public async Task A_replayed_request_with_a_changed_parameter_is_refused()
    {
        var sid = TwilioWebhook.NewCallSid();
        var form = StatusForm(sid);
        var signature = TwilioSignature.Compute(SmartnumbersAppFactory.TwilioAuthToken, TwilioSecurityFactory.PublicBase + "/api/twilio/status",
            form.ToDictionary(p => p.Key, p => new Microsoft.Extensions.Primitives.StringValues(p.Value)));
        form["CallDuration"] = "5000";
        await AssertRefusedAndNotRecordedAsync(TwilioWebhook.Post("/api/twilio/status", form, signature: signature), sid, "wrong");
    }

    [Fact]
    public async Task A_signature_over_the_servers_own_url_is_refused_when_a_public_base_url_is_set()
    {
        var sid = TwilioWebhook.NewCallSid();
        await AssertRefusedAndNotRecordedAsync(TwilioWebhook.Post("/api/twilio/status", StatusForm(sid)), sid, "wrong");
    }

    [Theory]
    [InlineData("/api/twilio/voice", "missing")]
    [InlineData("/api/twilio/voice", "forged")]
    [InlineData("/api/twilio/voice", "changed")]
    [InlineData("/api/twilio/dial-result?account=a&call=b&called=c&mac=d&route=e&started=1&step=0", "forged")]
    public async Task Every_twilio_endpoint_refuses_a_missing_forged_or_altered_signature(string path, string how)
    {
        var form = TwilioWebhook.CallForm(TwilioWebhook.NewCallSid(), TwilioCallsGenuine, "+447911000003");
        var request = how switch
        {
            "missing" => TwilioWebhook.Post(path, form, sign: false),
            "forged" => TwilioWebhook.Post(path, form, token: "forged-token", origin: TwilioSecurityFactory.PublicBase),
            _ => TwilioWebhook.Post(path, form, origin: TwilioSecurityFactory.PublicBase,
                signature: TwilioSignature.Compute(SmartnumbersAppFactory.TwilioAuthToken, TwilioSecurityFactory.PublicBase + path.Replace("voice", "status", StringComparison.Ordinal),
                    form.ToDictionary(p => p.Key, p => new Microsoft.Extensions.Primitives.StringValues(p.Value)))),
        };

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(factory.Sink.Lines, l => l.Message.StartsWith("SECURITY: Twilio request to " + path.Split('?')[0] + " refused", StringComparison.Ordinal));
    }

    private const string TwilioCallsGenuine = "+447911123456";

    [Fact]
    public async Task The_log_line_names_the_parameter_keys_but_no_caller_number()
    {
        var sid = TwilioWebhook.NewCallSid();
        using var response = await factory.CreateClient().SendAsync(TwilioWebhook.Post("/api/twilio/status", StatusForm(sid), sign: false));

        var line = Assert.Single(factory.Sink.Lines, l => l.Message.Contains("CallDuration,CallSid,CallStatus", StringComparison.Ordinal) && l.Message.Contains("missing", StringComparison.Ordinal)).Message;
        Assert.DoesNotContain("+447700900123", line, StringComparison.Ordinal);
    }
}
