using Microsoft.Extensions.Primitives;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>Builds Twilio webhook requests, signed as Twilio signs them (form POST, X-Twilio-Signature).</summary>
internal static class TwilioWebhook
{
    /// <summary>The origin the in-process test server sees.</summary>
    public const string TestOrigin = "http://localhost";

    public static HttpRequestMessage Post(string pathAndQuery, IReadOnlyDictionary<string, string> form,
        string token = SmartnumbersAppFactory.TwilioAuthToken, string origin = TestOrigin, string? signature = null, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        if (sign)
        {
            request.Headers.Add(TwilioSignature.HeaderName,
                signature ?? TwilioSignature.Compute(token, origin + pathAndQuery, form.ToDictionary(p => p.Key, p => new StringValues(p.Value))));
        }

        return request;
    }

    public static Dictionary<string, string> CallForm(string callSid, string from = "+447700900123", string to = "+441134960001") => new()
    {
        ["AccountSid"] = "AC00000000000000000000000000000000",
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = callSid,
        ["CallStatus"] = "ringing",
        ["Called"] = to,
        ["Caller"] = from,
        ["Direction"] = "inbound",
        ["From"] = from,
        ["To"] = to,
    };

    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");
}
