using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// Fuzzed Event Grid deliveries to /api/acs/incoming (with the secret) and Call Automation callbacks to
/// /api/acs/callbacks (with a valid token): hostile strings in every field (NUL, lone surrogates, 5,000 characters),
/// members of the wrong JSON type, other shapes, bodies that are not JSON and wrong content types.
/// </summary>
internal sealed class AcsFuzzCases(Random random, FuzzText text, FuzzTargets targets, Func<string> callbackToken)
{
    private const string LoneSurrogate = "LONE-SURROGATE-MARK";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Tones = ["one", "two", "pound", "asterisk", "zero"];
    private static readonly string[] OtherContentTypes = ["text/plain", "application/x-www-form-urlencoded", "application/cloudevents-batch+json", "application/json; charset=utf-16"];
    private static readonly string[] CallbackNames =
    [
        "CallConnected", "CallDisconnected", "AddParticipantSucceeded", "AddParticipantFailed", "PlayCompleted", "PlayFailed",
        "PlayCanceled", "RecognizeCompleted", "RecognizeFailed", "CallTransferAccepted", "CallTransferFailed", "CancelAddParticipantSucceeded",
    ];

    public FuzzCase Incoming()
    {
        JsonNode body = random.Next(10) switch
        {
            0 => new JsonArray(AcsEvents.EventGrid(Id(), "Microsoft.EventGrid.SubscriptionValidationEvent",
                new JsonObject { ["validationCode"] = Value(), ["validationUrl"] = Value() })),
            1 => Reshaped(IncomingEvent()),
            _ => new JsonArray(IncomingEvent()),
        };
        if (random.Next(6) == 0)
        {
            Scramble(body);
        }

        var secret = random.Next(30) == 0 ? Uri.EscapeDataString(text.Next()) : Uri.EscapeDataString(AcsAppFactory.EventGridSecret);
        return Json("acs/incoming", "/api/acs/incoming?secret=" + secret, body, request => request.Headers.TryAddWithoutValidation("aeg-event-type", random.Next(10) == 0 ? text.Pick() : "Notification"));
    }

    public FuzzCase Callback()
    {
        var link = targets.CallbackLinks[random.Next(targets.CallbackLinks.Count)];
        var path = random.Next(6) switch
        {
            0 => "/api/acs/callbacks?call=" + Uri.EscapeDataString(text.Next()) + "&s=" + Uri.EscapeDataString(text.Next()),
            1 => link[..link.IndexOf("&s=", StringComparison.Ordinal)] + "&s=" + Uri.EscapeDataString(text.Next()),
            2 => "/api/acs/callbacks",
            _ => link,
        };
        var connection = random.Next(3) == 0 ? text.Next() : "conn-" + Id();
        var name = random.Next(8) == 0 ? text.Next() : CallbackNames[random.Next(CallbackNames.Length)];
        var events = AcsEvents.Callback(name, connection, random.Next(3) == 0 ? Value() : "step-" + random.Next(3), random.Next(20) == 0 ? Value() : Id(), random.Next(4) == 0 ? random.Next(-1, 600) : 200, random.Next(10_000));
        var data = events[0]!["data"]!.AsObject();
        if (random.Next(3) == 0)
        {
            data["dtmfResult"] = new JsonObject { ["tones"] = new JsonArray(Enumerable.Range(0, random.Next(0, 8)).Select(_ => (JsonNode?)JsonValue.Create(random.Next(4) == 0 ? text.Next() : Tones[random.Next(Tones.Length)])).ToArray()) };
        }

        if (random.Next(4) == 0)
        {
            Scramble(events);
        }

        var forged = random.Next(40) == 0 ? text.Pick() : null;
        return Json("acs/callbacks", path, events, request => request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (forged ?? callbackToken())));
    }

    private JsonObject IncomingEvent()
    {
        var to = random.Next(8) == 0 ? text.Next() : targets.Numbers[random.Next(targets.Numbers.Count)];
        var from = random.Next(4) == 0 ? null : random.Next(3) == 0 ? "+447911123456" : Value();
        var data = AcsEvents.IncomingCallData(to, from, random.Next(5) == 0 ? Value() : "ctx-" + Id());
        if (random.Next(3) == 0)
        {
            data["callerDisplayName"] = Value();
        }

        if (random.Next(3) == 0)
        {
            data["customContext"]!["sipHeaders"]![Value()] = Value();
            data["customContext"]!["voipHeaders"]![Value()] = Value();
        }

        if (random.Next(6) == 0)
        {
            data["from"]!["rawId"] = Value();
        }

        var id = random.Next(20) == 0 ? Value() : Id();
        return random.Next(5) == 0
            ? AcsEvents.CloudEvent(id, "Microsoft.Communication.IncomingCall", data)
            : AcsEvents.EventGrid(id, "Microsoft.Communication.IncomingCall", data);
    }

    /// <summary>Another top-level shape: a single event instead of an array, several events, nothing.</summary>
    private JsonNode Reshaped(JsonObject e) => random.Next(5) switch
    {
        0 => e,
        1 => new JsonArray(e, IncomingEvent(), IncomingEvent()),
        2 => new JsonArray(),
        3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x"), null),
        _ => new JsonObject { ["value"] = new JsonArray(e) },
    };

    /// <summary>Replaces a few members anywhere in the tree with a value of another JSON type, or removes them.</summary>
    private void Scramble(JsonNode root)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var objects = FuzzJson.Objects(root).Where(o => o.Count > 0).ToList();
            if (objects.Count == 0)
            {
                return;
            }

            var target = objects[random.Next(objects.Count)];
            var member = target.ElementAt(random.Next(target.Count)).Key;
            if (random.Next(4) == 0)
            {
                target.Remove(member);
            }
            else
            {
                target[member] = OtherValue();
            }
        }
    }

    private JsonNode? OtherValue() => random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonValue.Create(-1),
        4 => new JsonArray(JsonValue.Create(Value()), null),
        5 => new JsonObject { [Value()] = Value() },
        _ => JsonValue.Create(Value()),
    };

    private string Value() => random.Next(20) == 0 ? LoneSurrogate : text.Next();

    private FuzzCase Json(string route, string path, JsonNode body, Action<HttpRequestMessage> authenticate)
    {
        var json = body.ToJsonString(Relaxed).Replace(LoneSurrogate, "\\udc00x", StringComparison.Ordinal);
        var contentType = "application/json";
        switch (random.Next(20))
        {
            case 0:
                json = json[..random.Next(json.Length)];
                break;
            case 1:
                json = new[] { "", "null", "{", "[[[[[[[[", "\0", "not json", "[]", "{}", "\"\\ud800\"", new string('[', 200) + new string(']', 200), text.Long() }[random.Next(11)];
                break;
            case 2:
                contentType = OtherContentTypes[random.Next(OtherContentTypes.Length)];
                break;
            case 3:
                contentType = "";
                break;
        }

        var bytes = random.Next(40) == 0 ? [0xff, 0xfe, .. Encoding.UTF8.GetBytes(json)] : Encoding.UTF8.GetBytes(json);
        var description = $"POST {path} [{contentType}] {FuzzCase.Preview(json)}";
        return new FuzzCase(route, description, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
            if (contentType.Length > 0)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            authenticate(request);
            return request;
        });
    }

    private string Id() => random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
