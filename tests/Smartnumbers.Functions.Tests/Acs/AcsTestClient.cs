using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Sends what Event Grid and ACS send, the way they send it.</summary>
public sealed class AcsTestClient(AcsAppFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    public Task<HttpResponseMessage> DeliverAsync(JsonNode body, string? secret = AcsAppFactory.EventGridSecret, string eventType = "Notification")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/acs/incoming" + (secret is null ? "" : "?secret=" + Uri.EscapeDataString(secret)))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", eventType);
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> CallbackAsync(string callbackUri, JsonNode body, string? token = null)
    {
        var uri = new Uri(callbackUri);
        var request = new HttpRequestMessage(HttpMethod.Post, uri.PathAndQuery)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? factory.CallbackToken());
        return _http.SendAsync(request);
    }

    /// <summary>Delivers an IncomingCall (Event Grid schema); returns the reply and the call's incomingCallContext.</summary>
    public async Task<(HttpResponseMessage Response, string IncomingCallContext)> IncomingCallAsync(string to, string? from, string? incomingCallContext = null)
    {
        var context = incomingCallContext ?? "ctx-" + Guid.NewGuid().ToString("N");
        var body = new JsonArray(AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", AcsEvents.IncomingCallData(to, from, context)));
        return (await DeliverAsync(body), context);
    }

    /// <summary>The requests the stand-in ACS received for one call, by its incomingCallContext or callConnectionId.</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string contextOrConnection) =>
        factory.Acs.RequestsWhere(r => r.BodyText.Contains(contextOrConnection, StringComparison.Ordinal) || r.Path.Contains(contextOrConnection, StringComparison.Ordinal));

    public static string QueryValue(string uri, string name) => HttpUtility.ParseQueryString(new Uri(uri).Query)[name] ?? "";
}
