using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>One test's account and number: real Twilio calls to it (signed webhooks) and the calls admin API over HTTP.</summary>
internal sealed class CallsTestBed
{
    private CallsTestBed(SmartnumbersAppFactory factory, TwilioCalls calls)
    {
        Factory = factory;
        Calls = calls;
        Admin = new AdminTestClient(factory.CreateClient(), calls.Account);
    }

    public SmartnumbersAppFactory Factory { get; }

    public TwilioCalls Calls { get; }

    public AdminTestClient Admin { get; }

    public string Account => Calls.Account;

    public string Number => Calls.Number;

    public CallRecordStore Store => Factory.Services.GetRequiredService<CallRecordStore>();

    public static async Task<CallsTestBed> CreateAsync(SmartnumbersAppFactory factory, NumberConfig? number = null, AccountSettings? settings = null)
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(number ?? new NumberConfig { Route = TwilioCalls.Route((["+441134960000"], 20)) }, settings);
        return new CallsTestBed(factory, calls);
    }

    /// <summary>The body calls:simulate takes; <paramref name="hints"/> are the carrier parameters (a Twilio webhook's form).</summary>
    public static string SimulateBody(string calledNumber, string? presentation, IReadOnlyDictionary<string, string>? hints = null, string carrier = "twilio")
    {
        var body = new JsonObject
        {
            ["calledNumber"] = calledNumber,
            ["presentationNumber"] = presentation,
            ["carrier"] = carrier,
            ["hints"] = new JsonObject((hints ?? new Dictionary<string, string>()).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
        };
        return body.ToJsonString();
    }

    public async Task<JsonNode> SimulateAsync(string body, string? key = SmartnumbersAppFactory.BootstrapKey)
    {
        using var response = await Admin.PostAsync("/calls:simulate", body, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Places a real Twilio call and waits until its record is stored.</summary>
    public async Task<CallRecord> CallAndRecordAsync(string from, Dictionary<string, string>? extra = null, string? sid = null)
    {
        sid ??= TwilioWebhook.NewCallSid();
        await Calls.CallAsync(from, sid, extra);
        return (await Poll.UntilAsync(() => Store.GetAsync(Account, sid, CancellationToken.None), r => r is not null))!;
    }

    public async Task<JsonNode> CallsJsonAsync(string query, string? key = SmartnumbersAppFactory.BootstrapKey) => await Admin.JsonAsync("/calls" + query, key);

    public async Task<HttpResponseMessage> LabelAsync(string callId, string label, string? key = SmartnumbersAppFactory.BootstrapKey) =>
        await Admin.PostAsync($"/calls/{callId}/label", $$"""{"label":"{{label}}"}""", key);

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonNode>())!;
}
