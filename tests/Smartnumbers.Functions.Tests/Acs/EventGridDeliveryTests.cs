using System.Net;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Acs.Calls;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>/api/acs/incoming: both handshakes, authentication, both schemas, batches, duplicates.</summary>
[Collection(AcsCollection.Name)]
public sealed class EventGridDeliveryTests(AcsAppFactory factory)
{
    private readonly AcsTestClient _client = new(factory);

    private static string NewNumber() => "+44800" + Random.Shared.Next(1000000, 9999999);

    /// <summary>An IncomingCall delivery (Event Grid schema) for a number the router rejects busy.</summary>
    private (JsonArray Body, string Context) RejectedBusyCall()
    {
        var to = NewNumber();
        factory.Router.ByCalledNumber[to] = new AcsCallInstruction.Reject("busy");
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        return (new JsonArray(AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", AcsEvents.IncomingCallData(to, "+447700900123", context))), context);
    }

    [Fact]
    public async Task Cloud_events_abuse_protection_handshake_echoes_the_allowed_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/acs/incoming");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
    }

    [Fact]
    public async Task Event_grid_validation_handshake_returns_the_validation_code()
    {
        var body = new JsonArray(AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.EventGrid.SubscriptionValidationEvent",
            new JsonObject { ["validationCode"] = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6", ["validationUrl"] = "https://rp-eastus2.eventgrid.azure.net:553/validate" }));

        var response = await _client.DeliverAsync(body, eventType: "SubscriptionValidation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", json["validationResponse"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-0123456789abcdef")]
    public async Task Delivery_without_the_secret_is_refused_and_nothing_is_done(string? secret)
    {
        var (body, context) = RejectedBusyCall();

        var response = await _client.DeliverAsync(body, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_client.RequestsFor(context));
    }

    [Theory]
    [InlineData(AcsAppFactory.OldEventGridSecret)]
    [InlineData(AcsAppFactory.EventGridSecret)]
    public async Task Old_and_new_secret_are_both_accepted_during_rotation(string secret)
    {
        var (body, context) = RejectedBusyCall();

        var response = await _client.DeliverAsync(body, secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reject = Assert.Single(_client.RequestsFor(context));
        Assert.Equal("busy", reject.Json!["callRejectReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_single_cloud_event_is_handled()
    {
        var to = NewNumber();
        factory.Router.ByCalledNumber[to] = new AcsCallInstruction.Redirect("+441134960000");
        var context = "ctx-" + Guid.NewGuid().ToString("N");

        var response = await _client.DeliverAsync(AcsEvents.CloudEvent(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", AcsEvents.IncomingCallData(to, "+447700900123", context)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redirect = Assert.Single(_client.RequestsFor(context));
        Assert.Equal("/calling/callConnections:redirect", redirect.Path);
        Assert.Equal("+441134960000", redirect.Json!["target"]!["phoneNumber"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_of_cloud_events_is_handled_event_by_event()
    {
        var to = NewNumber();
        factory.Router.ByCalledNumber[to] = new AcsCallInstruction.Reject("none");
        var contexts = Enumerable.Range(0, 3).Select(_ => "ctx-" + Guid.NewGuid().ToString("N")).ToList();
        var batch = new JsonArray(contexts.Select(c => (JsonNode)AcsEvents.CloudEvent(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", AcsEvents.IncomingCallData(to, "+447700900123", c))).ToArray());

        var response = await _client.DeliverAsync(batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(contexts, c => Assert.Equal("none", Assert.Single(_client.RequestsFor(c)).Json!["callRejectReason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_redelivered_event_id_is_ignored()
    {
        var (body, context) = RejectedBusyCall();

        Assert.Equal(HttpStatusCode.OK, (await _client.DeliverAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.DeliverAsync(body)).StatusCode);

        Assert.Single(_client.RequestsFor(context));
    }

    [Fact]
    public async Task A_withheld_caller_reaches_the_router_as_withheld()
    {
        var to = NewNumber();
        factory.Router.ByCalledNumber[to] = new AcsCallInstruction.Reject("busy");

        var (response, _) = await _client.IncomingCallAsync(to, from: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = factory.Router.Seen.Single(c => c.CalledNumber == to);
        Assert.True(seen.Caller.Withheld);
        Assert.Null(seen.Caller.Number);
    }
}
