using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>Our validator against the official Node helper, on random requests: both sign alike and accept alike.</summary>
public sealed class TwilioSignaturePeerTests
{
    private const string Token = "peer-token-0123456789abcdef";
    private const string KeyChars = "abcdefXYZ_-+ .:@0123456789";
    private static readonly string[] Unicode = ["é", "ü", "£", "日本", "😀", "Ω"];

    private sealed record Case(string SignUrl, string CheckUrl, Dictionary<string, StringValues> Params, string? Signature);

    [Fact]
    public async Task Random_requests_signed_by_the_node_helper_validate_the_same_both_ways()
    {
        var random = new Random(20261123);
        var cases = new List<Case>();
        for (var i = 0; i < 200; i++)
        {
            var (signUrl, checkUrl) = RandomUrls(random);
            var parameters = RandomParams(random);
            // One case in four is tampered: a wrong signature, a changed value, or a different path.
            var tamper = random.Next(4) == 0 ? random.Next(3) : -1;
            cases.Add(tamper switch
            {
                0 => new Case(signUrl, checkUrl, parameters, "AAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                1 => new Case(signUrl, checkUrl.Replace("/voice", "/voicf", StringComparison.Ordinal), parameters, null),
                _ => new Case(signUrl, checkUrl, parameters, null),
            });
        }

        var peer = await RunPeerAsync(cases);

        var accepted = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var nodeSignature = peer[i]!["signature"]!.GetValue<string>();
            var nodeValid = peer[i]!["valid"]!.GetValue<bool>();
            Assert.Equal(nodeSignature, TwilioSignature.Compute(Token, c.SignUrl, c.Params));
            var ours = TwilioSignature.IsValid(Token, c.Signature ?? nodeSignature, c.CheckUrl, c.Params);
            Assert.True(nodeValid == ours, $"case {i}: node {nodeValid}, ours {ours}: sign {c.SignUrl} check {c.CheckUrl}");
            accepted += ours ? 1 : 0;
        }

        Assert.InRange(accepted, 100, 190); // both outcomes were exercised
    }

    [Fact]
    public async Task A_changed_value_is_rejected_by_both()
    {
        var parameters = new Dictionary<string, StringValues> { ["From"] = "+447700900123", ["To"] = "+441134960001" };
        const string url = "https://hooks.example/api/twilio/voice";
        var signature = TwilioSignature.Compute(Token, url, parameters);
        var changed = new Dictionary<string, StringValues>(parameters) { ["From"] = "+447700900124" };

        var peer = await RunPeerAsync([new Case(url, url, changed, signature)]);

        Assert.False(peer[0]!["valid"]!.GetValue<bool>());
        Assert.False(TwilioSignature.IsValid(Token, signature, url, changed));
    }

    private static async Task<JsonArray> RunPeerAsync(IReadOnlyList<Case> cases)
    {
        var input = new JsonObject
        {
            ["token"] = Token,
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["signUrl"] = c.SignUrl,
                ["checkUrl"] = c.CheckUrl,
                ["signature"] = c.Signature,
                ["params"] = new JsonObject(c.Params.Select(p => KeyValuePair.Create(p.Key,
                    p.Value.Count == 1 ? (JsonNode?)JsonValue.Create(p.Value[0]) : new JsonArray(p.Value.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())))),
            }).ToArray()),
        };
        var output = await NodePeer.RunAsync("signatures.js", input.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return JsonNode.Parse(output)!.AsArray();
    }

    private static (string Sign, string Check) RandomUrls(Random random)
    {
        var https = random.Next(2) == 0;
        var host = random.Next(2) == 0 ? "hooks.example.com" : "127.0.0.1";
        string[] ports = https ? ["", ":443"] : ["", ":80", ":7071"];
        var signPort = ports[random.Next(ports.Length)];
        // Twilio signs with or without the default port; we may receive either (a non-default port is kept on both).
        string[] defaults = https ? ["", ":443"] : ["", ":80"];
        var checkPort = signPort is "" or ":443" or ":80" ? defaults[random.Next(2)] : signPort;
        var query = random.Next(3) switch
        {
            0 => "",
            1 => "?step=" + random.Next(10) + "&account=acme",
            _ => "?q=a%20b+c%2Bd&at=x@y:z",
        };
        var scheme = https ? "https://" : "http://";
        return (scheme + host + signPort + "/api/twilio/voice" + query, scheme + host + checkPort + "/api/twilio/voice" + query);
    }

    private static Dictionary<string, StringValues> RandomParams(Random random)
    {
        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["CallSid"] = "CA" + Convert.ToHexStringLower(RandomBytes(random, 16)),
            ["From"] = random.Next(5) == 0 ? "Anonymous" : "+4477009" + random.Next(10000, 99999),
            ["To"] = "+441134960001",
        };
        var extra = random.Next(0, 12);
        for (var i = 0; i < extra; i++)
        {
            var key = RandomText(random, KeyChars, 1, 12);
            if (random.Next(6) == 0)
            {
                key += Unicode[random.Next(Unicode.Length)];
            }

            parameters[key] = random.Next(8) switch
            {
                0 => "",
                1 => new StringValues([RandomText(random, KeyChars, 0, 8), RandomText(random, KeyChars, 0, 8), "dup", "dup"]),
                2 => Unicode[random.Next(Unicode.Length)] + " + " + RandomText(random, KeyChars, 0, 5),
                _ => RandomText(random, KeyChars, 0, 20),
            };
        }

        return parameters;
    }

    private static string RandomText(Random random, string alphabet, int min, int max)
    {
        var text = new StringBuilder();
        for (var i = random.Next(min, max + 1); i > 0; i--)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
