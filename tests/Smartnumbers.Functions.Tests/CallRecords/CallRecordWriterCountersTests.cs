using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Counters;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>The writer's velocity counters: counted in memory, written by its flush loop, kept on disk over a restart. The flush loop and shutdown run on a fake clock.</summary>
public sealed class CallRecordWriterCountersTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    private static CallCounted Counted(string account, string? caller, string number, bool withheld = false) => new()
    {
        CallId = "CA" + Guid.NewGuid().ToString("N"), At = Ten, AccountId = account, Caller = caller, CalledNumber = number, Withheld = withheld,
    };

    [Fact]
    public async Task Counted_calls_reach_storage_through_the_flush_loop_without_an_explicit_flush()
    {
        var tables = await CounterFixture.TablesAsync();
        var time = new FakeTimeProvider(Ten);
        using var counters = CounterFixture.Instance(tables, time);
        using var reader = CounterFixture.Instance(tables);
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("loop"), TestAccounts.NewNumber(), TestAccounts.NewNumber());
        using var writer = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, CallRecordFixture.NewSpillFolder(), counters: counters);
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(writer.Enqueue(Counted(account, caller, number)));
        }

        Assert.True(writer.Enqueue(Counted(account, null, number, withheld: true)));

        Assert.Equal(CallerHistory.None, await reader.GetHistoryAsync(account, caller, number, Ten)); // Counted in memory only.
        var history = await Poll.AdvancingAsync(time, () => reader.GetHistoryAsync(account, caller, number, Ten), h => h.CallsFromCallerToday == 5 && h.WithheldCallsToNumberThisHour == 1, TimeSpan.FromMilliseconds(100));
        Assert.Equal(new CallerHistory(5, 5, 1, 1, 0, 0), history);
        Assert.Equal(0, writer.Pending);
        Assert.Equal(new CounterBacklog(0, 0, 0), writer.CounterBacklog());
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Counts_storage_did_not_take_before_shutdown_are_kept_on_disk_and_written_by_the_next_start()
    {
        var account = SmartnumbersAppFactory.NewAccountId("keep");
        var (caller, number) = (TestAccounts.NewNumber(), TestAccounts.NewNumber());
        var root = CallRecordFixture.NewSpillFolder();
        string folder;
        var time = new FakeTimeProvider(Ten);
        using var reader = CounterFixture.Instance(await CounterFixture.TablesAsync());
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using (var counters = CounterFixture.Instance(await CounterFixture.TablesAsync(gate.Port), time))
        using (var first = CallRecordFixture.Writer(gate.Port, root, flushSeconds: 1, counters: counters))
        {
            folder = first.SpillFolder;
            await first.StartAsync(CancellationToken.None);
            for (var i = 0; i < 3; i++)
            {
                first.Enqueue(Counted(account, caller, number));
            }

            first.Enqueue(Counted(account, null, number, withheld: true));
            await Poll.AdvancingAsync(time, first.StopAsync(CancellationToken.None), TimeSpan.FromMilliseconds(200));
        }

        Assert.Single(CounterFixture.SavedFiles(folder));
        Assert.Equal(CallerHistory.None, await reader.GetHistoryAsync(account, caller, number, Ten));

        gate.Open();
        using var again = CounterFixture.Instance(await CounterFixture.TablesAsync(gate.Port), time);
        using var second = CallRecordFixture.Writer(gate.Port, root, counters: again);
        await second.StartAsync(CancellationToken.None);

        var history = await Poll.AdvancingAsync(time, () => reader.GetHistoryAsync(account, caller, number, Ten), h => h.CallsFromCallerToday >= 3 && h.WithheldCallsToNumberThisHour >= 1);
        Assert.Equal(new CallerHistory(3, 3, 1, 1, 0, 0), history);
        await Poll.AdvancingAsync(time, () => Task.FromResult(CounterFixture.AllFiles(folder).Length), n => n == 0);
        await second.StopAsync(CancellationToken.None);
        Assert.Empty(CounterFixture.AllFiles(folder));
    }

    [Fact]
    public async Task A_call_counted_after_shutdown_is_kept_on_disk_and_counted_by_the_next_start()
    {
        var tables = await CounterFixture.TablesAsync();
        var time = new FakeTimeProvider(Ten);
        using var reader = CounterFixture.Instance(tables);
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("late"), TestAccounts.NewNumber(), TestAccounts.NewNumber());
        var folder = CallRecordFixture.NewSpillFolder();
        using (var counters = CounterFixture.Instance(tables, time))
        using (var first = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, folder, flushSeconds: 1, counters: counters))
        {
            await first.StartAsync(CancellationToken.None);
            Assert.True(first.Enqueue(Counted(account, caller, number)));
            await first.StopAsync(CancellationToken.None);

            Assert.False(first.Enqueue(Counted(account, caller, number))); // Spilled, not counted where nothing writes it.
        }

        Assert.Equal(1, (await reader.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        using var again = CounterFixture.Instance(tables, time);
        using var second = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, folder, counters: again);
        await second.StartAsync(CancellationToken.None);

        Assert.Equal(2, (await Poll.AdvancingAsync(time, () => reader.GetHistoryAsync(account, caller, number, Ten), h => h.CallsFromCallerToday >= 2, TimeSpan.FromMilliseconds(100))).CallsFromCallerToday);
        await second.StopAsync(CancellationToken.None);
        Assert.Equal(2, (await reader.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
    }

    [Fact]
    public async Task A_corrupt_saved_counters_file_is_set_aside_and_spilled_events_are_still_written()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("bad");
        var root = CallRecordFixture.NewSpillFolder();
        var time = new FakeTimeProvider(Ten);
        string folder;
        using (var first = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, root, flushSeconds: 0, time: time))
        {
            folder = first.SpillFolder;
            await first.StartAsync(CancellationToken.None);
            await first.StopAsync(CancellationToken.None);
            Assert.False(first.Enqueue(CallStarted.For(CallRecordFixture.Record(account, "CAspilled", Ten))));
        }

        const string Corrupt = "[{\"partition\":";
        await File.WriteAllTextAsync(Path.Combine(folder, "counters-cut-short.json"), Corrupt);
        using var counters = CounterFixture.Instance(await CounterFixture.TablesAsync(), time);
        using var second = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, root, counters: counters);
        await second.StartAsync(CancellationToken.None);

        Assert.NotNull(await Poll.AdvancingAsync(time, () => store.GetAsync(account, "CAspilled", CancellationToken.None), r => r is not null));
        await second.StopAsync(CancellationToken.None);
        Assert.Empty(CounterFixture.SavedFiles(folder));
        Assert.Equal(Corrupt, await File.ReadAllTextAsync(Assert.Single(CounterFixture.AllFiles(folder))));
    }
}
