using System.Net;
using Smartnumbers.Functions.Acs.Calls;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>One answered call driven through the HTTP API: the answer's callbackUri, connection id and ACS requests.</summary>
public sealed class AcsCallScenario
{
    private readonly AcsTestClient _client;

    private AcsCallScenario(AcsTestClient client, string context, string callbackUri, string connectionId)
    {
        _client = client;
        Context = context;
        CallbackUri = callbackUri;
        ConnectionId = connectionId;
    }

    public string Context { get; }
    public string CallbackUri { get; }
    public string ConnectionId { get; }

    /// <summary>Requests sent for this call after the answer (play, participants, hang up).</summary>
    public IReadOnlyList<RecordedRequest> MidCall => _client.RequestsFor(ConnectionId);

    public static Task<AcsCallScenario> AnswerAsync(AcsAppFactory factory, AcsCallPlan plan, string? from = "+447700900123")
    {
        var to = "+44800" + Random.Shared.Next(1000000, 9999999);
        factory.Router.ByCalledNumber[to] = new AcsCallInstruction.Answer(plan);
        return AnswerAsync(factory, to, from);
    }

    /// <summary>Delivers an IncomingCall to <paramref name="to"/> and expects it answered.</summary>
    public static async Task<AcsCallScenario> AnswerAsync(AcsAppFactory factory, string to, string? from)
    {
        var client = new AcsTestClient(factory);
        var (response, context) = await client.IncomingCallAsync(to, from);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Assert.Single(client.RequestsFor(context));
        Assert.Equal("/calling/callConnections:answer", answer.Path);
        var callbackUri = answer.Json!["callbackUri"]!.GetValue<string>();
        var connectionId = await ConnectionIdAsync(factory, context);
        return new AcsCallScenario(client, context, callbackUri, connectionId);
    }

    public async Task<HttpStatusCode> SendAsync(string name, string? operationContext, string? id = null, int code = 200) =>
        (await _client.CallbackAsync(CallbackUri, AcsEvents.Callback(name, ConnectionId, operationContext, id, code))).StatusCode;

    /// <summary>ParticipantsUpdated listing <paramref name="rawIds"/> (e.g. "4:+447700900123", "8:acs:…").</summary>
    public async Task<HttpStatusCode> SendParticipantsAsync(int sequenceNumber, params string[] rawIds) =>
        (await _client.CallbackAsync(CallbackUri, AcsEvents.ParticipantsUpdated(ConnectionId, sequenceNumber, rawIds))).StatusCode;

    /// <summary>The connection id the stand-in ACS gave in its answer reply, as the app stored it.</summary>
    private static async Task<string> ConnectionIdAsync(AcsAppFactory factory, string context)
    {
        var store = (AcsCallStore)factory.Services.GetService(typeof(AcsCallStore))!;
        var answer = factory.Acs.RequestsWhere(r => r.BodyText.Contains(context, StringComparison.Ordinal)).Single();
        var callId = AcsTestClient.QueryValue(answer.Json!["callbackUri"]!.GetValue<string>(), "call");
        var state = await store.GetAsync(callId, CancellationToken.None);
        return state?.State.CallConnectionId ?? throw new InvalidOperationException("answer did not store the connection id");
    }
}
