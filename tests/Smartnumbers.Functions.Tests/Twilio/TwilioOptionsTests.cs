using System.Net;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

public sealed class TwilioOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("https://smartnumbers.example.com", true)]
    [InlineData("http://localhost:7071", true)]
    [InlineData("https://proxy.example/prefix/", true)]
    [InlineData("ftp://smartnumbers.example.com", false)]
    [InlineData("/relative", false)]
    [InlineData("https://user:pass@smartnumbers.example.com", false)]
    [InlineData("https://smartnumbers.example.com/?x=1", false)]
    public void Public_base_url_must_be_an_absolute_http_url(string? url, bool ok)
    {
        var result = new TwilioOptionsValidator().Validate(null, new TwilioOptions { PublicBaseUrl = url });

        Assert.Equal(ok, result.Succeeded);
        if (!ok)
        {
            Assert.StartsWith("Twilio__PublicBaseUrl:", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("X-Network-Caller-Id", true)]
    [InlineData("x-pai", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("P-Asserted-Identity", false)]
    [InlineData("X-", false)]
    [InlineData("X-Network Caller", false)]
    [InlineData("SipHeader_X-Network-Caller-Id", false)]
    public void Network_caller_id_header_must_be_an_x_header_or_empty(string? header, bool ok)
    {
        var result = new TwilioOptionsValidator().Validate(null, new TwilioOptions { NetworkCallerIdHeader = header });

        Assert.Equal(ok, result.Succeeded);
        if (!ok)
        {
            Assert.StartsWith("Twilio__NetworkCallerIdHeader:", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_network_caller_id_header_defaults_to_x_network_caller_id()
    {
        Assert.Equal("X-Network-Caller-Id", new TwilioOptions().NetworkCallerIdHeader);
    }

    [Fact]
    public async Task Without_an_auth_token_every_twilio_endpoint_answers_403_even_to_a_well_formed_request()
    {
        await using var app = new SmartnumbersAppFactory();
        app.Settings["Twilio:AuthToken"] = "";

        foreach (var path in new[] { "/api/twilio/status", "/api/twilio/dial-result" })
        {
            using var response = await app.CreateClient().SendAsync(TwilioWebhook.Post(path, TwilioWebhook.CallForm(TwilioWebhook.NewCallSid()), token: "anything"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
