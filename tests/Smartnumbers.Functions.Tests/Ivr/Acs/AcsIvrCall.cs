using System.Net;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Ivr.Acs;

/// <summary>
/// One dial-in call on ACS through the HTTP API: an IncomingCall to the control line (answered, as the stand-in ACS
/// records), CallConnected, then RecognizeCompleted/RecognizeFailed callbacks signed with the test JWKS.
/// </summary>
internal sealed class AcsIvrCall
{
    private static readonly string[] Names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private readonly AcsDecisionAppFactory _factory;
    private readonly AcsTestClient _client;
    private readonly AcsCallScenario _call;

    private AcsIvrCall(AcsDecisionAppFactory factory, AcsCallScenario call)
    {
        _factory = factory;
        _client = new AcsTestClient(factory);
        _call = call;
    }

    public string ConnectionId => _call.ConnectionId;

    /// <summary>The requests the stand-in ACS received for this call after the answer.</summary>
    public IReadOnlyList<RecordedRequest> MidCall => _call.MidCall;

    /// <summary>The last request (recognize, play or hang up).</summary>
    public RecordedRequest Last => MidCall[^1];

    /// <summary>What the last recognize or play speaks.</summary>
    public string Spoken => Text(Last);

    public bool Recognizes => Last.Operation == "recognize";

    public bool HungUp => MidCall.Any(r => r.Operation == "hangUp");

    /// <summary>The control line answers; CallConnected brings the greeting.</summary>
    public static async Task<AcsIvrCall> ConnectAsync(AcsDecisionAppFactory factory, string to, string? from = "+447700900123")
    {
        var call = new AcsIvrCall(factory, await AcsCallScenario.AnswerAsync(factory, to, from));
        Assert.Equal(HttpStatusCode.OK, await call._call.SendAsync("CallConnected", null));
        return call;
    }

    /// <summary>The caller keys <paramref name="digits"/> (and the pound key when <paramref name="pound"/>); returns what is spoken next.</summary>
    public Task<string> Press(string digits, bool pound = true)
    {
        var tones = new JsonArray([.. digits.Select(d => (JsonNode)JsonValue.Create(Names[d - '0'])!)]);
        if (pound)
        {
            tones.Add("pound");
        }

        return Send("RecognizeCompleted", 200, 8514, data => data["dtmfResult"] = new JsonObject { ["tones"] = tones });
    }

    /// <summary>The caller stays silent: RecognizeFailed with the initial-silence timeout.</summary>
    public Task<string> Silence() => Send("RecognizeFailed", 400, 8510, _ => { });

    /// <summary>The closing message has been played.</summary>
    public Task<string> PlayCompleted() => Send("PlayCompleted", 200, 0, _ => { });

    public async Task<string> SignIn(string staffId, string pin)
    {
        await Press(staffId);
        return await Press(pin);
    }

    private async Task<string> Send(string name, int code, int subCode, Action<JsonObject> data)
    {
        var context = Last.Json?["operationContext"]?.GetValue<string>();
        var body = AcsEvents.Callback(name, ConnectionId, context, code: code, subCode: subCode);
        var payload = (JsonObject)body[0]!["data"]!;
        payload["recognitionType"] = "dtmf";
        data(payload);
        using var response = await _client.CallbackAsync(_call.CallbackUri, body, _factory.CallbackToken());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Spoken;
    }

    private static string Text(RecordedRequest r) =>
        r.Json?["playPrompt"]?["text"]?["text"]?.GetValue<string>()
        ?? r.Json?["playSources"]?[0]?["text"]?["text"]?.GetValue<string>()
        ?? string.Empty;
}
