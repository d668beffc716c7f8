using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// Fuzzed Twilio webhooks, validly signed so that they reach the handlers: hostile values in the fields each route reads
/// and in extra fields, raw bodies with broken percent-escapes, odd charsets, multipart and JSON bodies, and a few
/// unsigned or mis-signed requests.
/// </summary>
internal sealed class TwilioFuzzCases(Random random, FuzzText text, FuzzTargets targets)
{
    private static readonly string[] ExtraKeys =
        ["CallerName", "StirVerstat", "FromCountry", "CallerCountry", "ForwardedFrom", "CallToken", "ParentCallSid", "SipHeader_X-Risk", "Digits", "CallStatus"];
    private static readonly string[] BrokenEscapes = ["%zz", "%4", "%", "%G0", "%%41"];
    private static readonly string[] Charsets = ["; charset=iso-8859-1", "; charset=utf-16", "; charset=bogus", "; charset=\"utf-8\"", ";;;"];

    private readonly string[] _ivrCalls = Enumerable.Range(0, 16).Select(_ => Sid(random)).ToArray();

    public FuzzCase Voice()
    {
        var form = TwilioWebhook.CallForm(Sid(random), text.Around(TwilioCalls.GenuineCaller), Called());
        Mutate(form);
        return Signed("twilio/voice", "/api/twilio/voice", form);
    }

    public FuzzCase DialResult()
    {
        var form = TwilioWebhook.CallForm(Sid(random), TwilioCalls.GenuineCaller, Called());
        form["DialCallStatus"] = text.Around(random.Next(2) == 0 ? "busy" : "no-answer");
        form["DialSipResponseCode"] = text.Number();
        form["DialCallDuration"] = text.Number();
        Mutate(form);
        var link = targets.ActionLinks[random.Next(targets.ActionLinks.Count)];
        var path = random.Next(4) switch
        {
            0 => link + "&extra=" + Uri.EscapeDataString(text.Next()),
            1 => link.Replace("step=", "step=" + Uri.EscapeDataString(text.Pick()), StringComparison.Ordinal),
            2 => "/api/twilio/dial-result?account=" + Uri.EscapeDataString(text.Next()) + "&route=" + Uri.EscapeDataString(text.Next()) + "&step=" + Uri.EscapeDataString(text.Number()),
            _ => link,
        };
        return Signed("twilio/dial-result", path, form);
    }

    public FuzzCase Status()
    {
        var form = TwilioWebhook.CallForm(random.Next(6) == 0 ? text.Next() : Sid(random), TwilioCalls.GenuineCaller, Called());
        form["CallStatus"] = text.Around("completed");
        form["CallDuration"] = text.Number();
        Mutate(form);
        return Signed("twilio/status", "/api/twilio/status", form);
    }

    public FuzzCase Ivr()
    {
        var sid = random.Next(8) == 0 ? text.Next() : _ivrCalls[random.Next(_ivrCalls.Length)];
        var form = TwilioWebhook.CallForm(sid, text.Around(TwilioCalls.GenuineCaller), random.Next(5) == 0 ? Called() : targets.ControlLine);
        form["Digits"] = random.Next(3) == 0 ? text.Next() : text.Around(random.Next(2) == 0 ? "1" : "2468#");
        Mutate(form);
        return Signed("twilio/ivr", "/api/twilio/ivr", form);
    }

    private string Called() => random.Next(10) switch
    {
        0 => text.Next(),
        1 => text.Around(targets.Numbers[0]),
        _ => targets.Numbers[random.Next(targets.Numbers.Count)],
    };

    private void Mutate(Dictionary<string, string> form)
    {
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var key = random.Next(3) switch
            {
                0 => form.Keys.ElementAt(random.Next(form.Count)),
                1 => ExtraKeys[random.Next(ExtraKeys.Length)],
                _ => random.Next(2) == 0 ? "SipHeader_X-" + text.Pick() : text.Next(),
            };
            form[key] = text.Next();
        }
    }

    private FuzzCase Signed(string route, string path, Dictionary<string, string> form)
    {
        var body = Encode(form);
        var signedAs = new Dictionary<string, string>(form, StringComparer.Ordinal);
        var contentType = "application/x-www-form-urlencoded";
        var kind = random.Next(100);
        string? signature = null;
        HttpContent? content = null;
        switch (kind)
        {
            case < 6:
                // Escapes Twilio never writes, kept as they are by any reader: signed over the literal text.
                var key = form.Keys.ElementAt(random.Next(form.Count));
                var broken = BrokenEscapes[random.Next(BrokenEscapes.Length)];
                signedAs[key] = form[key] + (broken == "%%41" ? "%A" : broken);
                body = Encode(signedAs.Where(p => p.Key != key)) + "&" + Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(form[key]) + broken;
                break;
            case < 10:
                contentType += Charsets[random.Next(Charsets.Length)];
                break;
            case < 13:
                var multipart = new StringBuilder();
                foreach (var (k, v) in form)
                {
                    multipart.Append("--b0undary\r\nContent-Disposition: form-data; name=\"").Append(k).Append("\"\r\n\r\n").Append(v).Append("\r\n");
                }

                var parts = multipart.Append("--b0undary--\r\n").ToString();
                content = new ByteArrayContent(Encoding.UTF8.GetBytes(random.Next(3) == 0 ? parts[..(parts.Length / 2)] : parts));
                content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + (random.Next(6) == 0 ? "" : "b0undary"));
                break;
            case < 18:
                // Not a form: signed as Twilio signs a JSON body (bodySHA256 in the URL).
                var json = System.Text.Json.JsonSerializer.Serialize(form);
                path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "bodySHA256=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
                content = new StringContent(json, Encoding.UTF8, random.Next(2) == 0 ? "application/json" : "text/plain");
                signedAs.Clear();
                break;
            case < 20:
                content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                signedAs.Clear();
                break;
            case < 23:
                signature = random.Next(2) == 0 ? "" : text.Pick();
                break;
        }

        var target = path;
        var finalBody = body;
        var signedParams = signedAs.ToDictionary(p => p.Key, p => new StringValues(p.Value));
        var header = signature ?? TwilioSignature.Compute(SmartnumbersAppFactory.TwilioAuthToken, TwilioWebhook.TestOrigin + target, signedParams);
        var description = $"POST {target} [{content?.Headers.ContentType?.ToString() ?? (content is null ? contentType : "none")}] {FuzzCase.Preview(finalBody)}";
        return new FuzzCase(route, description, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, target)
            {
                Content = content is null ? Form(finalBody, contentType) : Clone(content),
            };
            request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, header);
            return request;
        });
    }

    private static ByteArrayContent Form(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static ByteArrayContent Clone(HttpContent content)
    {
        var copy = new ByteArrayContent(content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
        if (content.Headers.ContentType is { } type)
        {
            copy.Headers.ContentType = type;
        }

        return copy;
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> form) =>
        string.Join("&", form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private static string Sid(Random random) => "CA" + random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
