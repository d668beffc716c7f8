using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// Fuzzed admin API requests with a valid key: every resource and action, hostile path segments and query values,
/// valid documents with members mutated to hostile strings, other JSON types, unknown members or removed, bodies that
/// are not JSON, wrong content types and odd If-Match headers.
/// </summary>
internal sealed class AdminFuzzCases(Random random, FuzzText text, FuzzTargets targets)
{
    private const string LoneSurrogate = "LONE-SURROGATE-MARK";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] OtherContentTypes = ["text/plain", "application/x-www-form-urlencoded", "text/csv", "application/json; charset=utf-16", "application/xml"];
    private static readonly string[] Ids = ["day", "night", "leeds", "staff-1", "CA0123"];
    private static readonly string Route = """{"steps":[{"destinations":["+441134960000","+442079460000"],"ringSeconds":20}]}""";

    private static readonly (string Method, string Path, string? Body)[] Operations =
    [
        ("GET", "", null),
        ("PUT", "", """{"name":"Fuzz bank","homeRegion":"GB","screening":{"acr":"off","icr":"announcement"},"announcements":{"closed":"Closed."}}"""),
        ("GET", "numbers", null),
        ("GET", "numbers/{number}", null),
        ("PUT", "numbers/{number}", """{"label":"Retail","route":""" + Route + ""","fraud":{"enabled":true,"threshold":70,"maxDivertsPerHour":5,"highRiskRoute":""" + Route + """},"screening":{"acr":"busy"},"timeZone":"Europe/London"}"""),
        ("DELETE", "numbers/{number}", null),
        ("GET", "plans", null),
        ("GET", "plans/{id}", null),
        ("PUT", "plans/{id}", """{"name":"Plan","entries":[{"number":"{number}","route":""" + Route + """}]}"""),
        ("DELETE", "plans/{id}", null),
        ("POST", "plans/{id}:load", """{"slot":3}"""),
        ("POST", "plans/{id}:unload", null),
        ("POST", "plans/{id}:activate", null),
        ("POST", "plans:deactivate", null),
        ("POST", "plans:import", "plan,number,step,destinations,ringSeconds,announcement\nday,{number},1,+441134960000;+442079460000,20,Hello"),
        ("GET", "sites", null),
        ("GET", "sites/{id}", null),
        ("PUT", "sites/{id}", """{"name":"Leeds","destinations":["+441134960000"],"probes":[{"kind":"sipOptions","target":"sip:sbc.leeds.example:5060;transport=udp"},{"kind":"http","target":"https://pbx.leeds.example/health"}],"downAfter":3,"upAfter":2,"failoverPlan":"leeds-closed"}"""),
        ("DELETE", "sites/{id}", null),
        ("GET", "staff", null),
        ("GET", "staff/{id}", null),
        ("PUT", "staff/{id}", """{"name":"A. Agent","pin":"482913","numbers":["{number}"],"role":"operator"}"""),
        ("DELETE", "staff/{id}", null),
        ("GET", "lists/{kind}", null),
        ("GET", "lists/{kind}/{number}", null),
        ("PUT", "lists/{kind}/{number}", """{"note":"fraud ring"}"""),
        ("DELETE", "lists/{kind}/{number}", null),
        ("GET", "overrides", null),
        ("GET", "overrides/{number}", null),
        ("PUT", "overrides/{number}", """{"destinations":["+447700900777"],"ringSeconds":25,"expiresAt":"2099-01-01T00:00:00Z"}"""),
        ("DELETE", "overrides/{number}", null),
        ("GET", "keys", null),
        ("POST", "keys", """{"role":"viewer","name":"dashboard"}"""),
        ("DELETE", "keys/{id}", null),
        ("GET", "audit?limit={n}&continuation={text}", null),
        ("GET", "calls?limit={n}&from={time}&to={time}&number={number}&minRisk={n}&continuation={text}&format={text}", null),
        ("POST", "calls:simulate", """{"calledNumber":"{number}","presentationNumber":"+447911123456","networkNumber":"+447911123456","carrier":"twilio","at":"2026-11-29T10:00:00Z","callerName":"BOB"}"""),
        ("POST", "calls/{id}/label", """{"label":"fraud"}"""),
        ("GET", "reports/summary?from={time}&to={time}&highRiskScore={n}", null),
        ("POST", "model:refit", null),
        ("GET", "model", null),
        ("GET", "model/candidate", null),
        ("GET", "model/history", null),
        ("POST", "model:promote", """{"force":true}"""),
        ("POST", "model:rollback", """{"version":0}"""),
    ];

    public FuzzCase Next()
    {
        var (method, template, seed) = Operations[random.Next(Operations.Length)];
        var account = random.Next(25) == 0 ? Uri.EscapeDataString(text.Next().Replace("\0", "", StringComparison.Ordinal)) : targets.AdminAccount;
        var path = "/api/accounts/" + account + (template.Length == 0 ? "" : "/" + Fill(template, escape: true));
        var body = seed is null ? (random.Next(10) == 0 ? text.Next() : null) : Body(Fill(seed, escape: false));
        var contentType = template.EndsWith(":import", StringComparison.Ordinal) ? "text/csv" : "application/json";
        switch (random.Next(25))
        {
            case 0:
                contentType = OtherContentTypes[random.Next(OtherContentTypes.Length)];
                break;
            case 1:
                contentType = "";
                break;
        }

        var ifMatch = random.Next(12) == 0 ? new[] { "*", "\"\"", "W/\"x\"", "garbage", "\"" + text.Pick() + "\"" }[random.Next(5)] : null;
        var key = random.Next(40) == 0 ? text.Pick() : SmartnumbersAppFactory.BootstrapKey;
        var bytes = body is null ? null : Encoding.UTF8.GetBytes(body);
        var description = $"{method} {path} [{contentType}] {(body is null ? "" : FuzzCase.Preview(body))}";
        return new FuzzCase("admin", description, () =>
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
            if (bytes is not null)
            {
                request.Content = new ByteArrayContent(bytes);
                if (contentType.Length > 0)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return request;
        });
    }

    /// <summary>The seed document, mostly mutated; or a body that is not that document at all.</summary>
    private string Body(string seed)
    {
        if (seed.StartsWith("plan,", StringComparison.Ordinal))
        {
            return random.Next(3) == 0 ? seed : seed.Replace("Hello", text.Next(), StringComparison.Ordinal).Replace("20", text.Number(), StringComparison.Ordinal) + "\n" + text.Next();
        }

        switch (random.Next(12))
        {
            case 0:
                return new[] { "", "null", "[]", "{", "{\"name\":\"\\ud800\"}", "\0", "not json", new string('[', 100) + new string(']', 100), text.Long() }[random.Next(9)];
            case 1:
                return seed;
        }

        var root = JsonNode.Parse(seed)!;
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var objects = FuzzJson.Objects(root).ToList();
            var target = objects[random.Next(objects.Count)];
            switch (random.Next(6))
            {
                case 0 when target.Count > 0:
                    target.Remove(target.ElementAt(random.Next(target.Count)).Key);
                    break;
                case 1:
                    target[random.Next(2) == 0 ? "colour" : text.Pick()] = "red";
                    break;
                default:
                    if (target.Count > 0)
                    {
                        target[target.ElementAt(random.Next(target.Count)).Key] = Hostile();
                    }

                    break;
            }
        }

        return root.ToJsonString(Relaxed).Replace(LoneSurrogate, "\\udc00", StringComparison.Ordinal);
    }

    private JsonNode? Hostile() => random.Next(10) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonValue.Create(random.Next(-5, 100_000)),
        4 => new JsonArray(JsonValue.Create(text.Next()), null, JsonValue.Create(7)),
        5 => new JsonObject { [text.Pick()] = text.Next() },
        6 => JsonValue.Create(LoneSurrogate),
        _ => JsonValue.Create(text.Next()),
    };

    private string Fill(string template, bool escape)
    {
        // A %00 in a path is refused by Kestrel (400) before the app; the in-process test server throws instead.
        string Part(string plausible) => random.Next(4) == 0
            ? (escape ? Uri.EscapeDataString(text.Next().Replace("\0", "", StringComparison.Ordinal)) : JsonEncodedText.Encode(text.Next(), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString())
            : plausible;
        return template
            .Replace("{number}", Part(Number()), StringComparison.Ordinal)
            .Replace("{id}", Part(Ids[random.Next(Ids.Length)]), StringComparison.Ordinal)
            .Replace("{kind}", Part(random.Next(2) == 0 ? "block" : "allow"), StringComparison.Ordinal)
            .Replace("{n}", Part(text.Number()), StringComparison.Ordinal)
            .Replace("{time}", Part("2026-11-29T10:00:00Z"), StringComparison.Ordinal)
            .Replace("{text}", Part(""), StringComparison.Ordinal);
    }

    /// <summary>A number in the Bristol drama range (0117 496 0xxx), which no other test claims.</summary>
    private string Number() => "+441174960" + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
}
