using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Counters;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>
/// The shutdown path as the host runs it (an instance scaled in): what the writer holds when the host stops goes to
/// storage, or, with storage down, to the spill folder, from which the next instance on the same folder writes it.
/// </summary>
public sealed class HostShutdownTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instance as the app registers its records and counters, on the storage at <paramref name="port"/>, keeping what
    /// it cannot write in <paramref name="folder"/>, writing for at most <paramref name="flushSeconds"/> when it stops.
    /// </summary>
    private static IHost Instance(int port, string folder, int flushSeconds = 1)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Storage:ConnectionString"] = Azurite.ConnectionStringFor(port);
        builder.Configuration["CallRecords:SpillFolder"] = folder;
        builder.Configuration["CallRecords:ShutdownFlushSeconds"] = flushSeconds.ToString(CultureInfo.InvariantCulture);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration("Storage");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TableStore>();
        builder.Services.AddCallCounters();
        builder.Services.AddCallRecords();
        return builder.Build();
    }

    private static void Call(CallRecordWriter writer, string account, string callId, string caller, string number)
    {
        writer.Enqueue(CallStarted.For(CallRecordFixture.Record(account, callId, Ten)));
        writer.Enqueue(new CallCounted { CallId = callId, At = Ten, AccountId = account, Caller = caller, CalledNumber = number });
        writer.Enqueue(CallRecordFixture.Ended(callId, Ten.AddMinutes(1)));
    }

    [Fact]
    public async Task What_an_instance_holds_when_its_host_stops_with_storage_up_is_in_storage_when_stop_returns()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        using var reader = CounterFixture.Instance(await CounterFixture.TablesAsync());
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("host"), TestAccounts.NewNumber(), TestAccounts.NewNumber());
        var folder = CallRecordFixture.NewSpillFolder();
        // A grace period long enough for a busy machine (production: 20 s): with storage up, stop returns once all is written.
        using var host = Instance(CallRecordFixture.AzuritePort, folder, flushSeconds: 15);
        await host.StartAsync();
        var writer = host.Services.GetRequiredService<CallRecordWriter>();
        for (var i = 0; i < 20; i++)
        {
            Call(writer, account, $"CAhost{i}", caller, number);
        }

        await host.StopAsync();

        Assert.Equal(20, await CallRecordFixture.CountRecordsAsync(store, account));
        Assert.Equal(20, (await reader.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        Assert.Equal(new WriteBacklog(new CallRecordBacklog(0, 0, 0), CounterBacklog.None), host.Services.GetRequiredService<IWriteBacklog>().Snapshot());
    }

    [Fact]
    public async Task What_an_instance_holds_when_its_host_stops_during_an_outage_is_written_by_the_next_instance_on_the_folder()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        using var reader = CounterFixture.Instance(await CounterFixture.TablesAsync());
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("scalein"), TestAccounts.NewNumber(), TestAccounts.NewNumber());
        var folder = CallRecordFixture.NewSpillFolder(); // As a mounted share: the next instance sees what this one kept.
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using (var leaving = Instance(gate.Port, folder))
        {
            await leaving.StartAsync();
            var writer = leaving.Services.GetRequiredService<CallRecordWriter>();
            for (var i = 0; i < 5; i++)
            {
                Call(writer, account, $"CAleaving{i}", caller, number);
            }

            await leaving.StopAsync();

            // Nothing in memory any more: the events spilled, the counts saved.
            var kept = leaving.Services.GetRequiredService<IWriteBacklog>().Snapshot();
            Assert.Equal(new CallRecordBacklog(0, 10, 0), kept.Records);
            Assert.Equal(new CounterBacklog(0, 1, 0), kept.Counters);
        }

        Assert.Equal(0, await CallRecordFixture.CountRecordsAsync(store, account));
        gate.Open();
        using var next = Instance(gate.Port, folder);
        await next.StartAsync(); // Replays what it finds at once.

        Assert.Equal(5, await Poll.UntilAsync(() => CallRecordFixture.CountRecordsAsync(store, account), n => n == 5));
        Assert.Equal(5, (await Poll.UntilAsync(() => reader.GetHistoryAsync(account, caller, number, Ten), h => h.CallsFromCallerToday == 5)).CallsFromCallerToday);
        await next.StopAsync();
        Assert.Equal(new WriteBacklog(new CallRecordBacklog(0, 0, 0), CounterBacklog.None), next.Services.GetRequiredService<IWriteBacklog>().Snapshot());
    }
}
