using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// The ACS REST API failing (every request answered 500) while an IncomingCall for an owned number arrives: never a
/// 500. As AcsIncomingCallProcessor documents, a failed action falls back to a redirect to the number's normal route;
/// when that fails too the event is released and the reply is 503, so Event Grid redelivers it while the call rings.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class AcsRestDownTests(AcsDecisionAppFactory factory) : IClassFixture<AcsDecisionAppFactory>
{
    private const string Agent = "+441134960000";
    private const string Caller = "+447700900123";
    private readonly AcsTestClient _client = new(factory);

    private async Task<string> NumberAsync(Route route)
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        Assert.Equal(WriteOutcome.Done, (await documents.PutNumberAsync(account, number, new NumberConfig { Route = route }, null, TestAccounts.Actor, default)).Outcome);
        await factory.Services.GetRequiredService<ISnapshotProvider>().RefreshAsync(account);
        return number;
    }

    private static JsonArray Delivery(string eventId, string number, string context) =>
        [AcsEvents.EventGrid(eventId, "Microsoft.Communication.IncomingCall", AcsEvents.IncomingCallData(number, Caller, context))];

    private static string? Target(RecordedRequest r) => r.Json?["target"]?["phoneNumber"]?["value"]?.GetValue<string>();

    [Fact]
    public async Task A_call_while_acs_fails_every_request_is_answered_503_and_connected_when_event_grid_redelivers_it()
    {
        var number = await NumberAsync(TestAccounts.RouteTo(Agent));
        var (eventId, context) = (Guid.NewGuid().ToString(), "ctx-" + Guid.NewGuid().ToString("N"));
        factory.Acs.FailWhen = r => r.BodyText.Contains(context, StringComparison.Ordinal) ? 500 : null;

        using var down = await _client.DeliverAsync(Delivery(eventId, number, context));
        var tried = _client.RequestsFor(context);
        factory.Acs.FailWhen = null;
        using var back = await _client.DeliverAsync(Delivery(eventId, number, context));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.NotEmpty(tried);
        Assert.All(tried, r => Assert.Equal("/calling/callConnections:redirect", r.Path));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var connected = _client.RequestsFor(context).Skip(tried.Count).ToList();
        Assert.Equal(("/calling/callConnections:redirect", Agent), (Assert.Single(connected).Path, Target(connected[0])));
    }

    [Fact]
    public async Task A_call_whose_answer_acs_refuses_is_redirected_to_the_normal_routes_first_destination()
    {
        var number = await NumberAsync(new Route
        {
            Steps = [new RouteStep { Destinations = [Agent], RingSeconds = 20 }, new RouteStep { Destinations = ["+442079460000"], RingSeconds = 20 }],
        });
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        factory.Acs.FailWhen = r => r.Operation == "answer" && r.BodyText.Contains(context, StringComparison.Ordinal) ? 500 : null;

        using var response = await _client.DeliverAsync(Delivery(Guid.NewGuid().ToString(), number, context));
        factory.Acs.FailWhen = null;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = _client.RequestsFor(context);
        Assert.Equal("/calling/callConnections:answer", requests[0].Path);
        Assert.Equal(("/calling/callConnections:redirect", Agent), (requests[^1].Path, Target(requests[^1])));
    }
}
