using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>
/// Signed Twilio webhooks whose form ASP.NET Core's reader refuses (a %00 in a value, more values than its limit):
/// the call is still routed, the signature still decides, and nothing answers 500.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TwilioOddFormTests(SmartnumbersAppFactory factory)
{
    private const string Destination = "+441134960000";

    private async Task<TwilioCalls> NumberAsync()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = TwilioCalls.Route(([Destination], 20)) });
        return calls;
    }

    private static HttpRequestMessage RawSigned(string path, string body, IReadOnlyDictionary<string, string> signedAs, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(TwilioSignature.HeaderName, signature ?? TwilioSignature.Compute(SmartnumbersAppFactory.TwilioAuthToken,
            TwilioWebhook.TestOrigin + path, signedAs.ToDictionary(p => p.Key, p => new StringValues(p.Value))));
        return request;
    }

    private static string Dialled(XElement twiml) =>
        string.Join(",", twiml.Descendants("Number").Select(n => n.Value.Trim()));

    [Fact]
    public async Task A_signed_call_whose_caller_name_holds_a_nul_is_routed_normally()
    {
        var calls = await NumberAsync();

        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, extra: new() { ["CallerName"] = "BOB\0SMITH\u0001\u001f" });

        Assert.Equal(Destination, Dialled(twiml));
    }

    [Fact]
    public async Task A_signed_call_whose_from_holds_a_nul_is_still_answered_with_twiml()
    {
        var calls = await NumberAsync();

        var (response, _, _) = await calls.CallAsync(TwilioCalls.GenuineCaller + "\0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_nul_keeps_its_place_in_the_signature_so_an_altered_value_is_still_refused()
    {
        var calls = await NumberAsync();
        var form = TwilioWebhook.CallForm(TwilioWebhook.NewCallSid(), TwilioCalls.GenuineCaller, calls.Number);
        form["CallerName"] = "A\0B";
        var body = string.Join("&", form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var signedWithoutNul = new Dictionary<string, string>(form) { ["CallerName"] = "AB" };

        using var genuine = await factory.CreateClient().SendAsync(RawSigned("/api/twilio/voice", body, form));
        using var forged = await factory.CreateClient().SendAsync(RawSigned("/api/twilio/voice", body, signedWithoutNul));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Contains(Destination, await genuine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task A_signed_call_with_broken_percent_escapes_and_more_values_than_the_form_limit_is_routed()
    {
        var calls = await NumberAsync();
        var form = TwilioWebhook.CallForm(TwilioWebhook.NewCallSid(), TwilioCalls.GenuineCaller, calls.Number);
        var body = new StringBuilder(string.Join("&", form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
        body.Append("&CallerName=50%25%zz%4");
        form["CallerName"] = "50%%zz%4";
        for (var i = 0; i < 1100; i++)
        {
            body.Append("&SipHeader_X-").Append(i).Append("=%00");
            form["SipHeader_X-" + i] = "\0";
        }

        using var response = await factory.CreateClient().SendAsync(RawSigned("/api/twilio/voice", body.ToString(), form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Destination, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/twilio/status")]
    [InlineData("/api/twilio/dial-result")]
    [InlineData("/api/twilio/ivr")]
    public async Task A_nul_in_a_signed_callback_is_answered_with_twiml_not_a_server_error(string path)
    {
        var form = TwilioWebhook.CallForm(TwilioWebhook.NewCallSid());
        form["CallStatus"] = "completed\0";
        form["DialCallStatus"] = "busy\0";
        form["Digits"] = "1\0#";

        using var response = await factory.CreateClient().SendAsync(TwilioWebhook.Post(path, form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_form_is_refused_as_unsupported_not_a_server_error()
    {
        const string json = """{"CallSid":"CA1","To":"+441134960001"}""";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var path = "/api/twilio/voice?bodySHA256=" + hash;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(SmartnumbersAppFactory.TwilioAuthToken, TwilioWebhook.TestOrigin + path, []));

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
