using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>Our TwiML against the Node helper's VoiceResponse for the same intents: same text, same parsed structure.</summary>
public sealed class TwimlPeerTests
{
    private const string Tricky = "Ampersand & <angle> \"quote\" 'apos'\ttab\nline £ 😀";

    private static readonly IReadOnlyList<KeyValuePair<string, string>> Headers =
        [new("X-Smartnumbers-Risk", "85"), new("X-Smartnumbers-Tags", "withheld,voip")];

    private static IEnumerable<(string Name, Action<TwimlResponse> Ours, JsonArray Node)> Intents()
    {
        yield return ("reject busy", r => r.Reject(TwimlRejectReason.Busy), [V("reject", new() { ["reason"] = "busy" })]);
        yield return ("reject rejected", r => r.Reject(TwimlRejectReason.Rejected), [V("reject", new() { ["reason"] = "rejected" })]);
        yield return ("reject default", r => r.Reject(), [V("reject")]);
        yield return ("announcement", r => r.Say(Tricky, "Polly.Amy", "en-GB").Hangup(),
            [V("say", new() { ["voice"] = "Polly.Amy", ["language"] = "en-GB" }, Tricky), V("hangup")]);
        yield return ("connect with announcement",
            r => r.Say("Please hold.", loop: 2).Dial(
                new DialAttributes { Action = "/api/twilio/dial-result?account=a&call=CA1&step=0", Method = "POST", Timeout = 20, AnswerOnBridge = true, CallerId = "+441134960001" },
                d => d.Number("+441134960000").Number("+447700900123", new DialNounAttributes { SendDigits = "ww1" }).Sip("sip:desk@pbx.example;transport=tls", Headers)),
            [
                V("say", new() { ["loop"] = 2 }, "Please hold."),
                V("dial", new() { ["action"] = "/api/twilio/dial-result?account=a&call=CA1&step=0", ["method"] = "POST", ["timeout"] = 20, ["answerOnBridge"] = true, ["callerId"] = "+441134960001" }, null,
                    V("number", null, "+441134960000"),
                    V("number", new() { ["sendDigits"] = "ww1" }, "+447700900123"),
                    V("sip", null, "sip:desk@pbx.example;transport=tls?X-Smartnumbers-Risk=85&X-Smartnumbers-Tags=withheld%2Cvoip")),
            ]);
        yield return ("dial with every attribute",
            r => r.Dial(new DialAttributes { Timeout = 30, Record = "record-from-answer", RingTone = "uk", TimeLimit = 600, HangupOnStar = false },
                d => d.Client("agent-1").Sip("sip:a@b.example", null, new DialNounAttributes { Username = "u", Password = "p&q" })),
            [V("dial", new() { ["timeout"] = 30, ["record"] = "record-from-answer", ["ringTone"] = "uk", ["timeLimit"] = 600, ["hangupOnStar"] = false }, null,
                V("client", null, "agent-1"), V("sip", new() { ["username"] = "u", ["password"] = "p&q" }, "sip:a@b.example"))]);
        yield return ("ivr gather",
            r => r.Gather(new GatherAttributes { Input = "dtmf", NumDigits = 6, FinishOnKey = "#", Timeout = 8, Action = "/api/twilio/ivr?s=1&t=2", Method = "POST", ActionOnEmptyResult = true },
                    g => g.Say("Enter your staff number.", "Polly.Amy", "en-GB").Pause(1).Play("https://audio.example/beep.wav"))
                .Redirect("/api/twilio/ivr?s=0", "POST").Pause(2).Hangup(),
            [
                V("gather", new() { ["input"] = "dtmf", ["numDigits"] = 6, ["finishOnKey"] = "#", ["timeout"] = 8, ["action"] = "/api/twilio/ivr?s=1&t=2", ["method"] = "POST", ["actionOnEmptyResult"] = true }, null,
                    V("say", new() { ["voice"] = "Polly.Amy", ["language"] = "en-GB" }, "Enter your staff number."),
                    V("pause", new() { ["length"] = 1 }),
                    V("play", null, "https://audio.example/beep.wav")),
                V("redirect", new() { ["method"] = "POST" }, "/api/twilio/ivr?s=0"),
                V("pause", new() { ["length"] = 2 }),
                V("hangup"),
            ]);
        yield return ("empty gather", r => r.Gather(new GatherAttributes { NumDigits = 1 }), [V("gather", new() { ["numDigits"] = 1 })]);
        yield return ("empty response", _ => { }, []);
    }

    [Fact]
    public async Task Our_twiml_equals_the_node_helpers_for_the_same_intents()
    {
        var intents = Intents().ToList();
        var input = new JsonArray(intents.Select(i => (JsonNode)i.Node).ToArray());
        var output = await NodePeer.RunAsync("twiml.js", input.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var expected = JsonNode.Parse(output)!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        for (var i = 0; i < intents.Count; i++)
        {
            var ours = new TwimlResponse();
            intents[i].Ours(ours);
            var xml = ours.ToXml();
            Assert.True(Structure(XDocument.Parse(expected[i])) == Structure(XDocument.Parse(xml)), $"{intents[i].Name}: structure differs\nnode: {expected[i]}\nours: {xml}");
            Assert.Equal(expected[i], xml);
        }
    }

    /// <summary>Verbs, attributes (sorted) and text, as one comparable string.</summary>
    private static string Structure(XDocument doc)
    {
        static string Of(XElement e) =>
            e.Name.LocalName + "[" + string.Join(",", e.Attributes().Select(a => a.Name.LocalName + "=" + a.Value).Order(StringComparer.Ordinal)) + "]"
            + (e.HasElements ? "{" + string.Join(";", e.Elements().Select(Of)) + "}" : "(" + e.Value + ")");
        return Of(doc.Root!);
    }

    private static JsonObject V(string verb, JsonObject? attrs = null, string? text = null, params JsonObject[] children)
    {
        var v = new JsonObject { ["verb"] = verb };
        if (attrs is not null)
        {
            v["attrs"] = attrs;
        }

        if (text is not null)
        {
            v["text"] = text;
        }

        if (children.Length > 0)
        {
            v["children"] = new JsonArray(children.Select(c => (JsonNode)c).ToArray());
        }

        return v;
    }
}
