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
        Assert.NotEmpty(Directory.EnumerateFiles(folder, "spill-*"));
        gate.Open();

        Assert.Equal(150, await Poll.UntilAsync(() => CallRecordFixture.CountRecordsAsync(store, account), n => n == 150, TimeSpan.FromSeconds(90)));
        await Poll.UntilAsync(() => Task.FromResult(Directory.EnumerateFiles(folder).Count()), n => n == 0);
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
        }

        Assert.NotEmpty(Directory.EnumerateFiles(folder));
        Assert.Equal(0, await CallRecordFixture.CountRecordsAsync(store, account));
        gate.Open();
        using var second = CallRecordFixture.Writer(gate.Port, folder);
        await second.StartAsync(CancellationToken.None);

        Assert.Equal(10, await Poll.UntilAsync(() => CallRecordFixture.CountRecordsAsync(store, account), n => n == 10, TimeSpan.FromSeconds(60)));
        Assert.NotNull(await Poll.UntilAsync(() => store.GetAsync(account, "CAlate", CancellationToken.None), r => r is not null));
        await second.StopAsync(CancellationToken.None);
    }
}
