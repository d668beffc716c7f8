using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Events;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// Event Grid unreachable (its port refuses connections): routing changes and calls go on as usual, their events wait
/// in the outbox, and when Event Grid is back every one of them arrives once.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class EventGridDownTests : IAsyncLifetime
{
    private const string Key = "chaos-topic-key-0123456789";
    private const string Caller = "+447700900123";
    private const string Blocked = TwilioCalls.GenuineCaller;
    private readonly EventGridReceiver _receiver = new(FreePort.Next(), Key);
    private readonly TcpGate _gate;
    private readonly SmartnumbersAppFactory _factory = new();

    public EventGridDownTests()
    {
        _gate = new TcpGate(_receiver.Port);
        _factory.Settings["EventGrid:Endpoint"] = $"http://127.0.0.1:{_gate.Port}/api/events";
        _factory.Settings["EventGrid:Key"] = Key;
        // Once Event Grid is back its publisher sends every pending row it finds: an Azurite of its own keeps it off
        // the other tests' events.
        _factory.Settings["Storage:ConnectionString"] = Azurite.IsolatedConnectionString;
    }

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(timeout.Token);
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _gate.DisposeAsync();
        await _receiver.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Routing_changes_and_calls_go_on_while_event_grid_is_down_and_every_event_arrives_once_it_is_back()
    {
        var admin = await AdminTestClient.CreateAsync(_factory);
        var number = AdminTestClient.NewNumber();
        using (var put = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc("+441134960000")))
        using (var plan = await admin.PutAsync("/plans/closed", AdminTestClient.PlanDoc(number, "+442079460000")))
        using (var load = await admin.PostAsync("/plans/closed:load", """{"slot":3}"""))
        using (var block = await admin.PutAsync("/lists/block/" + Blocked, """{"note":"chaos"}"""))
        {
            Assert.True(new[] { put, plan, load, block }.All(r => r.StatusCode == HttpStatusCode.OK), await block.Content.ReadAsStringAsync());
        }

        var clock = Stopwatch.StartNew();
        using (var activate = await admin.PostAsync("/plans/closed:activate"))
        {
            Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"activation took {clock.Elapsed}");
        var calls = new TwilioCalls(_factory);
        var connected = await Poll.UntilAsync(() => DialledAsync(calls, number, Caller), d => d == "+442079460000", TimeSpan.FromSeconds(5));
        var (_, refused, _) = await calls.CallAsync(Blocked, to: number);
        Assert.Equal(["Reject"], TwilioCalls.Verbs(refused));

        // Both events wait in the outbox, even after the publisher and its timer have tried.
        var routing = await Poll.UntilAsync(() => HealthTestData.RoutingOutboxAsync(_factory, admin.Account), r => r.Count >= 1);
        var callEvents = await Poll.UntilAsync(() => HealthTestData.DefaultOutboxAsync(_factory, admin.Account), r => r.Count >= 1);
        using var client = _factory.CreateClient();
        using (var timer = await client.PostAsync("/PublishOutbox", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.True(timer.IsSuccessStatusCode);
        }

        var waiting = (await HealthTestData.RoutingOutboxAsync(_factory, admin.Account)).Concat(await HealthTestData.DefaultOutboxAsync(_factory, admin.Account)).ToList();
        Assert.Equal([SmartnumbersEventTypes.CallBlocked, SmartnumbersEventTypes.DialPlanActivated], waiting.Select(e => e.Type).Order().ToArray());
        Assert.Empty(AcceptedFor(admin.Account));

        _gate.Open();
        using (var timer = await client.PostAsync("/PublishOutbox", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.True(timer.IsSuccessStatusCode);
        }

        var arrived = await Poll.UntilAsync(() => Task.FromResult(AcceptedFor(admin.Account)), a => a.Count >= waiting.Count);
        Assert.Equal(waiting.Select(e => e.Id).Order(), arrived.Select(e => e.GetProperty("id").GetString()!).Order());
        await Poll.UntilAsync(async () => (await HealthTestData.RoutingOutboxAsync(_factory, admin.Account)).Count + (await HealthTestData.DefaultOutboxAsync(_factory, admin.Account)).Count, n => n == 0);
        Assert.Equal("+442079460000", connected);
        Assert.NotEmpty(routing);
        Assert.NotEmpty(callEvents);
    }

    private List<JsonElement> AcceptedFor(string account) =>
        _receiver.Accepted.Where(e => e.GetProperty("subject").GetString()!.StartsWith($"/accounts/{account}/", StringComparison.Ordinal)).ToList();

    private static async Task<string> DialledAsync(TwilioCalls calls, string number, string caller)
    {
        var (_, twiml, _) = await calls.CallAsync(caller, to: number);
        return string.Join(",", twiml.Descendants("Number").Select(n => n.Value.Trim()));
    }
}
