using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>
/// The background writer never loses an event: storage down, queue full, refused rows, shutdown mid-outage. Back-off
/// and replay run on a fake clock; only Azurite's answers are waited for.
/// </summary>
public sealed class CallRecordWriterTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T10:00:00Z", CultureInfo.InvariantCulture);

    private static List<bool> EnqueueCalls(CallRecordWriter writer, string account, int count, int from = 0)
    {
        var queued = new List<bool>();
        for (var i = from; i < from + count; i++)
        {
            var callId = $"CA{account}{i:D4}";
            queued.Add(writer.Enqueue(CallStarted.For(CallRecordFixture.Record(account, callId, Start.AddSeconds(i)))));
            queued.Add(writer.Enqueue(CallRecordFixture.Ended(callId, Start.AddSeconds(i + 60))));
        }

        return queued;
    }

    /// <summary>A started writer on storage behind a closed <see cref="TcpGate"/>, on a fake clock, with its own account.</summary>
    private sealed class Outage(CallRecordStore store, string account, FakeTimeProvider time, TcpGate gate, CallRecordWriter writer) : IAsyncDisposable
    {
        public CallRecordStore Store => store;

        public string Account => account;

        public FakeTimeProvider Time => time;

        public TcpGate Gate => gate;

        public CallRecordWriter Writer => writer;

        public static async Task<Outage> StartAsync(string name, int capacity = 1000)
        {
            var time = new FakeTimeProvider(Start);
            var gate = new TcpGate(CallRecordFixture.AzuritePort);
            var writer = CallRecordFixture.Writer(gate.Port, CallRecordFixture.NewSpillFolder(), capacity: capacity, time: time);
            await writer.StartAsync(CancellationToken.None);
            return new Outage(await CallRecordFixture.DirectStoreAsync(), SmartnumbersAppFactory.NewAccountId(name), time, gate, writer);
        }

        public async ValueTask DisposeAsync()
        {
            writer.Dispose();
            await gate.DisposeAsync();
        }
    }

    [Fact]
    public async Task Records_written_while_storage_is_unreachable_arrive_once_it_returns()
    {
        await using var outage = await Outage.StartAsync("down");
        var (store, account, time, gate, writer) = (outage.Store, outage.Account, outage.Time, outage.Gate, outage.Writer);

        EnqueueCalls(writer, account, 25);
        // Storage is down: the writers back off and nothing has landed.
        await Poll.AdvancingAsync(time, () => Task.FromResult(writer.StorageFailing), failing => failing);
        Assert.Equal(0, await CallRecordFixture.CountRecordsAsync(store, account));

        gate.Open();

        Assert.Equal(25, await Poll.AdvancingAsync(time, () => CallRecordFixture.CountRecordsAsync(store, account), n => n == 25));
        Assert.False(writer.StorageFailing);
        await Poll.AdvancingAsync(time, writer.StopAsync(CancellationToken.None));
    }

    [Fact]
    public async Task While_storage_is_failing_new_events_go_to_the_spill_folder_and_are_replayed_once_it_returns()
    {
        await using var outage = await Outage.StartAsync("failing");
        var (store, account, time, gate, writer) = (outage.Store, outage.Account, outage.Time, outage.Gate, outage.Writer);
        EnqueueCalls(writer, account, 1);
        await Poll.AdvancingAsync(time, () => Task.FromResult(writer.StorageFailing), failing => failing);

        var queued = EnqueueCalls(writer, account, 10, from: 1);

        // Not held in memory, where a lost instance would lose them: on disk at once.
        Assert.All(queued, Assert.False);
        Assert.Equal(new CallRecordBacklog(2, 20, 0), writer.Backlog());
        gate.Open();

        Assert.Equal(11, await Poll.AdvancingAsync(time, () => CallRecordFixture.CountRecordsAsync(store, account), n => n == 11));
        Assert.Equal(new CallRecordBacklog(0, 0, 0), await Poll.AdvancingAsync(time, () => Task.FromResult(writer.Backlog()), b => b == new CallRecordBacklog(0, 0, 0)));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task When_the_queue_is_full_events_spill_to_disk_and_are_written_once_storage_returns()
    {
        await using var outage = await Outage.StartAsync("full", capacity: 100);
        var (store, account, time, gate, writer) = (outage.Store, outage.Account, outage.Time, outage.Gate, outage.Writer);

        var queued = EnqueueCalls(writer, account, 150);

        Assert.Contains(false, queued);
        Assert.NotEmpty(Directory.EnumerateFiles(writer.SpillFolder, "spill-*"));
        gate.Open();

        Assert.Equal(150, await Poll.AdvancingAsync(time, () => CallRecordFixture.CountRecordsAsync(store, account), n => n == 150));
        await Poll.AdvancingAsync(time, () => Task.FromResult(Directory.EnumerateFiles(writer.SpillFolder).Count()), n => n == 0);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_backlog_counts_every_event_not_yet_in_storage_in_memory_and_on_disk_until_storage_takes_them()
    {
        await using var outage = await Outage.StartAsync("backlog", capacity: 100);
        var (store, account, time, gate, writer) = (outage.Store, outage.Account, outage.Time, outage.Gate, outage.Writer);
        Assert.Equal(new CallRecordBacklog(0, 0, 0), writer.Backlog());
        Assert.Equal(new WriteBacklog(new CallRecordBacklog(0, 0, 0), Functions.Counters.CounterBacklog.None), ((IWriteBacklog)writer).Snapshot());

        var queued = EnqueueCalls(writer, account, 150);

        // Storage is down: 300 events, those the queue took still held (waiting or being retried), the rest on disk.
        var during = writer.Backlog();
        Assert.Equal(queued.Count(q => !q), during.OnDisk);
        Assert.Equal(300, during.Queued + during.OnDisk);
        Assert.Equal(0, during.DeadLettered);

        gate.Open();

        Assert.Equal(new CallRecordBacklog(0, 0, 0), await Poll.AdvancingAsync(time, () => Task.FromResult(writer.Backlog()), b => b == new CallRecordBacklog(0, 0, 0)));
        Assert.Equal(150, await CallRecordFixture.CountRecordsAsync(store, account));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_event_storage_refuses_goes_to_the_dead_letters_and_the_rest_of_its_batch_is_written()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("dead");
        var time = new FakeTimeProvider(Start);
        using var writer = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, CallRecordFixture.NewSpillFolder(), time: time);
        // A property over Table Storage's 64 KB limit: the whole batch is refused, then only this event.
        var oversized = CallRecordFixture.Record(account, "CAoversized", Start) with { PresentationNumber = new string('1', 40_000) };
        writer.Enqueue(CallStarted.For(oversized));
        for (var i = 0; i < 5; i++)
        {
            writer.Enqueue(CallStarted.For(CallRecordFixture.Record(account, $"CAfine{i}", Start.AddSeconds(i + 1))));
        }

        await writer.StartAsync(CancellationToken.None);

        Assert.Equal(new CallRecordBacklog(0, 0, 1), await Poll.AdvancingAsync(time, () => Task.FromResult(writer.Backlog()), b => b.Queued == 0));
        var line = Assert.Single(File.ReadAllLines(Assert.Single(Directory.GetFiles(writer.SpillFolder, "dead-*.jsonl"))));
        Assert.Contains("CAoversized", line, StringComparison.Ordinal);
        Assert.Equal(5, await store.ListAsync(account, null, null, CancellationToken.None).CountAsync());
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Events_queued_at_shutdown_with_storage_up_are_written_before_stop_returns()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("flush");
        var time = new FakeTimeProvider(Start);
        using var writer = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, CallRecordFixture.NewSpillFolder(), time: time);
        await writer.StartAsync(CancellationToken.None);
        Assert.All(EnqueueCalls(writer, account, 40), Assert.True);

        await writer.StopAsync(CancellationToken.None); // The fake clock never moves: no grace period runs out.

        Assert.Equal(40, await CallRecordFixture.CountRecordsAsync(store, account));
        Assert.Equal(new CallRecordBacklog(0, 0, 0), writer.Backlog());
        Assert.Empty(Directory.EnumerateFiles(writer.SpillFolder));
    }

    [Fact]
    public async Task Shutdown_during_an_outage_keeps_the_events_on_disk_and_the_next_start_writes_them()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("stop");
        var folder = CallRecordFixture.NewSpillFolder();
        var time = new FakeTimeProvider(Start);
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using (var first = CallRecordFixture.Writer(gate.Port, folder, flushSeconds: 5, time: time))
        {
            await first.StartAsync(CancellationToken.None);
            EnqueueCalls(first, account, 10);
            // The grace period runs out on the fake clock while the writers back off.
            await Poll.AdvancingAsync(time, first.StopAsync(CancellationToken.None));
            Assert.Equal(new CallRecordBacklog(0, 20, 0), first.Backlog());
            // Arriving after shutdown began: spilled, not dropped.
            Assert.False(first.Enqueue(CallStarted.For(CallRecordFixture.Record(account, "CAlate", Start.AddHours(1)))));
        }

        Assert.Equal(0, await CallRecordFixture.CountRecordsAsync(store, account));
        gate.Open();
        using var second = CallRecordFixture.Writer(gate.Port, folder, time: time);
        await second.StartAsync(CancellationToken.None);

        Assert.Equal(10, await Poll.AdvancingAsync(time, () => CallRecordFixture.CountRecordsAsync(store, account), n => n == 10));
        Assert.NotNull(await Poll.AdvancingAsync(time, () => store.GetAsync(account, "CAlate", CancellationToken.None), r => r is not null));
        await second.StopAsync(CancellationToken.None);
        Assert.Empty(Directory.EnumerateFiles(second.SpillFolder));
    }

    [Fact]
    public async Task With_storage_failing_and_the_spill_folder_unwritable_events_are_held_in_memory_and_written_once_storage_returns()
    {
        await using var outage = await Outage.StartAsync("nofolder");
        var (store, account, time, gate, writer) = (outage.Store, outage.Account, outage.Time, outage.Gate, outage.Writer);
        EnqueueCalls(writer, account, 1);
        await Poll.AdvancingAsync(time, () => Task.FromResult(writer.StorageFailing), failing => failing);
        // The folder goes away (a share unmounted) and a file stands in its place: nothing can be appended there.
        Directory.Delete(writer.SpillFolder, recursive: true);
        await File.WriteAllTextAsync(writer.SpillFolder, "not a folder");

        Assert.All(EnqueueCalls(writer, account, 3, from: 1), Assert.True);
        gate.Open();

        Assert.Equal(4, await Poll.AdvancingAsync(time, () => CallRecordFixture.CountRecordsAsync(store, account), n => n == 4));
        File.Delete(writer.SpillFolder);
        await writer.StopAsync(CancellationToken.None);
    }
}
