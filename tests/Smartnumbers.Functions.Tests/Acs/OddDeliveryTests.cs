using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Tests.Accounts;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Authentic deliveries whose content is malformed: a refusal Event Grid will not retry, never a 500.</summary>
[Collection(AcsCollection.Name)]
public sealed class OddDeliveryTests(AcsAppFactory factory)
{
    private static JsonArray Delivery(params JsonObject[] events) => new(events.Select(e => (JsonNode)e).ToArray());

    private static JsonObject Incoming(string to, string from) =>
        AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", AcsEvents.IncomingCallData(to, from, "ctx-" + Guid.NewGuid().ToString("N")));

    private async Task<HttpResponseMessage> PostRawAsync(string path, string json, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("aeg-event-type", "Notification");
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("callerDisplayName", "[1,2]")]
    [InlineData("to", "42")]
    [InlineData("customContext", "\"text\"")]
    public async Task An_incoming_call_with_a_member_of_the_wrong_json_type_is_refused_400(string member, string value)
    {
        var call = Incoming(TestAccounts.NewNumber(), "+447911123456");
        call["data"]![member] = JsonNode.Parse(value);

        using var response = await new AcsTestClient(factory).DeliverAsync(Delivery(call));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_readable_call_in_a_delivery_with_an_unreadable_one_is_still_handled()
    {
        var number = TestAccounts.NewNumber();
        factory.Router.ByCalledNumber[number] = new AcsCallInstruction.Redirect("+441134960000");
        var bad = Incoming(TestAccounts.NewNumber(), "+447911123456");
        bad["data"]!["to"] = 42;
        var good = Incoming(number, "+447911123456");

        using var response = await new AcsTestClient(factory).DeliverAsync(Delivery(bad, good));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(factory.Router.Seen, c => c.CalledNumber == number);
    }

    [Fact]
    public async Task A_delivery_holding_a_lone_surrogate_is_refused_400()
    {
        var call = Incoming(TestAccounts.NewNumber(), "+447911123456");
        call["data"]!["callerDisplayName"] = "SURROGATE";
        var json = Delivery(call).ToJsonString().Replace("SURROGATE", "\\udc00", StringComparison.Ordinal);

        using var response = await PostRawAsync("/api/acs/incoming?secret=" + AcsAppFactory.EventGridSecret, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("a%23b%3Fc")]
    [InlineData("%01%1F")]
    [InlineData("LONG")]
    public async Task A_callback_for_a_call_id_we_never_issue_is_not_found(string callId)
    {
        var id = callId == "LONG" ? string.Concat(Enumerable.Repeat("%F0%9F%98%80", 2_000)) : callId;

        using var response = await new AcsTestClient(factory).CallbackAsync(AcsAppFactory.CallbackBase + "/api/acs/callbacks?call=" + id + "&s=x",
            AcsEvents.Callback("CallConnected", "conn-1", null));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_holding_a_lone_surrogate_is_refused_400()
    {
        var json = AcsEvents.Callback("CallConnected", "conn-1", "SURROGATE").ToJsonString().Replace("SURROGATE", "\\ud800", StringComparison.Ordinal);

        using var response = await PostRawAsync("/api/acs/callbacks?call=abc&s=x", json, factory.CallbackToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
