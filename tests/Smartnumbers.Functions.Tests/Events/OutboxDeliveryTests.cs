using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Events;

public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private const string Key = "test-topic-key-0123456789";
    private readonly SmartnumbersAppFactory _factory = new();
    private readonly EventGridReceiver _receiver = new(FreePort.Next(), Key);

    public OutboxDeliveryTests()
    {
        _factory.Settings["EventGrid:Endpoint"] = _receiver.Endpoint;
        _factory.Settings["EventGrid:Key"] = Key;
        // Its publisher sends and deletes every pending outbox row it finds: on the shared Azurite it would take other
        // tests' events away from under them.
        _factory.Settings["Storage:ConnectionString"] = Azurite.IsolatedConnectionString;
    }

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        try
        {
            _factory.Dispose();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException && ex.StackTrace?.Contains("CallRecordWriter", StringComparison.Ordinal) == true)
        {
            // Known teardown race in the call-record writer (reported to the lead): not what these tests check.
        }
    }

    private static OutboxEvent Blocked(string account, string callId) =>
        OutboxEvent.Create($"call-blocked:{callId}", SmartnumbersEventTypes.CallBlocked, account, $"calls/{callId}",
            new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), new Dictionary<string, string> { ["reason"] = "blocklisted" },
            TestEventJsonContext.Default.DictionaryStringString);

    private List<JsonElement> AcceptedFor(string account) =>
        _receiver.Accepted.Where(e => e.GetProperty("subject").GetString()!.StartsWith($"/accounts/{account}/", StringComparison.Ordinal)).ToList();

    private async Task<List<JsonElement>> WaitForAsync(string account, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            var got = AcceptedFor(account);
            if (got.Count >= count)
            {
                return got;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{AcceptedFor(account).Count} of {count} events arrived; rejections: {string.Join(", ", _receiver.Rejections)}");
    }

    [Fact]
    public async Task Enqueued_events_are_published_at_once_as_a_cloudevents_batch_with_the_key_and_leave_the_outbox()
    {
        await _receiver.StartAsync();
        var account = SmartnumbersAppFactory.NewAccountId();
        var outbox = _factory.Services.GetRequiredService<IEventOutbox>();

        await outbox.EnqueueAsync([Blocked(account, "CA1"), Blocked(account, "CA2")], default);

        var events = await WaitForAsync(account, 2);
        Assert.Empty(_receiver.Rejections);
        var first = events.Single(e => e.GetProperty("id").GetString() == "call-blocked:CA1");
        Assert.Equal("1.0", first.GetProperty("specversion").GetString());
        Assert.Equal("Smartnumbers.Call.Blocked", first.GetProperty("type").GetString());
        Assert.Equal("/smartnumbers", first.GetProperty("source").GetString());
        Assert.Equal($"/accounts/{account}/calls/CA1", first.GetProperty("subject").GetString());
        Assert.Equal("blocklisted", first.GetProperty("data").GetProperty("reason").GetString());
        var deadline = Stopwatch.StartNew();
        while ((await HealthTestData.DefaultOutboxAsync(_factory, account)).Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.Empty(await HealthTestData.DefaultOutboxAsync(_factory, account));
    }

    [Fact]
    public async Task Events_wait_in_the_outbox_while_event_grid_is_down_and_arrive_once_with_the_same_ids_when_it_is_back()
    {
        var account = SmartnumbersAppFactory.NewAccountId();
        var outbox = _factory.Services.GetRequiredService<IEventOutbox>();
        var publisher = _factory.Services.GetRequiredService<OutboxPublisher>();

        await outbox.EnqueueAsync([Blocked(account, "CA10"), Blocked(account, "CA11")], default);
        var failed = await publisher.PublishPendingAsync(default);

        Assert.NotNull(failed.Error);
        Assert.Equal(2, (await HealthTestData.DefaultOutboxAsync(_factory, account)).Count);
        Assert.Empty(AcceptedFor(account));

        await _receiver.StartAsync();
        using var client = _factory.CreateClient();
        using var timer = await client.PostAsync("/PublishOutbox", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(timer.IsSuccessStatusCode);

        var events = await WaitForAsync(account, 2);
        Assert.Equal(["call-blocked:CA10", "call-blocked:CA11"], events.Select(e => e.GetProperty("id").GetString()!).Order().ToArray());
        Assert.Empty(await HealthTestData.DefaultOutboxAsync(_factory, account));
        await publisher.PublishPendingAsync(default);
        Assert.Equal(2, AcceptedFor(account).Count);
    }
}
