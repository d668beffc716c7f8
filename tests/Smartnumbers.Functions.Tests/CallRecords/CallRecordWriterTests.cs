using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>The background writer never loses an event: storage down, queue full, shutdown mid-outage.</summary>
public sealed class CallRecordWriterTests
{
    private static async Task EnqueueCallsAsync(CallRecordWriter writer, string account, int count, List<bool>? queued = null)
    {
        var start = DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var callId = $"CA{account}{i:D4}";
            var a = writer.Enqueue(CallStarted.For(CallRecordFixture.Record(account, callId, start.AddSeconds(i))));
            var b = writer.Enqueue(CallRecordFixture.Ended(callId, start.AddSeconds(i + 60)));
            queued?.AddRange([a, b]);
        }

        await Task.Yield();
    }

    [Fact]
    public async Task Records_written_while_storage_is_unreachable_arrive_once_it_returns()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("down");
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using var writer = CallRecordFixture.Writer(gate.Port, CallRecordFixture.NewSpillFolder());
        await writer.StartAsync(CancellationToken.None);

        await EnqueueCallsAsync(writer, account, 25);
        // Storage is down: writers are retrying and nothing has landed.
        await Poll.UntilAsync(() => Task.FromResult(writer.Pending), p => p < 50);
        Assert.Equal(0, await CallRecordFixture.CountRecordsAsync(store, account));

        gate.Open();

        Assert.Equal(25, await Poll.UntilAsync(() => CallRecordFixture.CountRecordsAsync(store, account), n => n == 25, TimeSpan.FromSeconds(60)));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task When_the_queue_is_full_events_spill_to_disk_and_are_written_once_storage_returns()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("full");
        var folder = CallRecordFixture.NewSpillFolder();
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using var writer = CallRecordFixture.Writer(gate.Port, folder, capacity: 100);
        await writer.StartAsync(CancellationToken.None);

        var queued = new List<bool>();
        await EnqueueCallsAsync(writer, account, 150, queued);

        Assert.Contains(false, queued);
        Assert.NotEmpty(Directory.EnumerateFiles(writer.SpillFolder, "spill-*"));
        gate.Open();

        Assert.Equal(150, await Poll.UntilAsync(() => CallRecordFixture.CountRecordsAsync(store, account), n => n == 150, TimeSpan.FromSeconds(90)));
        await Poll.UntilAsync(() => Task.FromResult(Directory.EnumerateFiles(writer.SpillFolder).Count()), n => n == 0);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_backlog_counts_every_event_not_yet_in_storage_in_memory_and_on_disk_until_storage_takes_them()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("backlog");
        var folder = CallRecordFixture.NewSpillFolder();
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using var writer = CallRecordFixture.Writer(gate.Port, folder, capacity: 100);
        await writer.StartAsync(CancellationToken.None);
        Assert.Equal(new CallRecordBacklog(0, 0, 0), writer.Backlog());

        var queued = new List<bool>();
        await EnqueueCallsAsync(writer, account, 150, queued);

        // Storage is down: 300 events, those the queue took still held (waiting or being retried), the rest on disk.
        var during = writer.Backlog();
        Assert.Equal(queued.Count(q => !q), during.OnDisk);
        Assert.Equal(300, during.Queued + during.OnDisk);
        Assert.Equal(0, during.DeadLettered);

        gate.Open();

        Assert.Equal(new CallRecordBacklog(0, 0, 0), await Poll.UntilAsync(() => Task.FromResult(writer.Backlog()), b => b == new CallRecordBacklog(0, 0, 0), TimeSpan.FromSeconds(90)));
        Assert.Equal(150, await CallRecordFixture.CountRecordsAsync(store, account));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_event_storage_refuses_goes_to_the_dead_letters_and_the_rest_of_its_batch_is_written()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("dead");
        var folder = CallRecordFixture.NewSpillFolder();
        using var writer = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, folder);
        var start = DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        // A property over Table Storage's 64 KB limit: the whole batch is refused, then only this event.
        var oversized = CallRecordFixture.Record(account, "CAoversized", start) with { PresentationNumber = new string('1', 40_000) };
        writer.Enqueue(CallStarted.For(oversized));
        for (var i = 0; i < 5; i++)
        {
            writer.Enqueue(CallStarted.For(CallRecordFixture.Record(account, $"CAfine{i}", start.AddSeconds(i + 1))));
        }

        await writer.StartAsync(CancellationToken.None);

        Assert.Equal(new CallRecordBacklog(0, 0, 1), await Poll.UntilAsync(() => Task.FromResult(writer.Backlog()), b => b.Queued == 0, TimeSpan.FromSeconds(30)));
        var line = Assert.Single(File.ReadAllLines(Assert.Single(Directory.GetFiles(writer.SpillFolder, "dead-*.jsonl"))));
        Assert.Contains("CAoversized", line, StringComparison.Ordinal);
        Assert.Equal(5, await store.ListAsync(account, null, null, CancellationToken.None).CountAsync());
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Shutdown_during_an_outage_keeps_the_events_on_disk_and_the_next_start_writes_them()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("stop");
        var folder = CallRecordFixture.NewSpillFolder();
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using (var first = CallRecordFixture.Writer(gate.Port, folder, flushSeconds: 1))
        {
            await first.StartAsync(CancellationToken.None);
            await EnqueueCallsAsync(first, account, 10);
            await first.StopAsync(CancellationToken.None);
            // Arriving after shutdown began: spilled, not dropped.
            Assert.False(first.Enqueue(CallStarted.For(CallRecordFixture.Record(account, "CAlate", DateTimeOffset.UnixEpoch.AddDays(20000)))));
            Assert.NotEmpty(Directory.EnumerateFiles(first.SpillFolder));
        }

        Assert.Equal(0, await CallRecordFixture.CountRecordsAsync(store, account));
        gate.Open();
        using var second = CallRecordFixture.Writer(gate.Port, folder);
        await second.StartAsync(CancellationToken.None);

        Assert.Equal(10, await Poll.UntilAsync(() => CallRecordFixture.CountRecordsAsync(store, account), n => n == 10, TimeSpan.FromSeconds(60)));
        Assert.NotNull(await Poll.UntilAsync(() => store.GetAsync(account, "CAlate", CancellationToken.None), r => r is not null));
        await second.StopAsync(CancellationToken.None);
    }
}
