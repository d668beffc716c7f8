using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Counters;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>What one app spilled for its storage account is replayed into that account only, however many apps share the spill folder.</summary>
public sealed class SpillAccountTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Events_and_counts_spilled_for_one_storage_account_are_not_replayed_into_another()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        using var reader = CounterFixture.Instance(await CounterFixture.TablesAsync());
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("acct-a"), TestAccounts.NewNumber(), TestAccounts.NewNumber());
        var root = CallRecordFixture.NewSpillFolder();
        var time = new FakeTimeProvider(Ten);
        // Storage A (the gate's endpoint) is down: A's app keeps its events and counts on disk.
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        using (var countersA = CounterFixture.Instance(await CounterFixture.TablesAsync(gate.Port), time))
        using (var appA = CallRecordFixture.Writer(gate.Port, root, flushSeconds: 1, counters: countersA))
        {
            await appA.StartAsync(CancellationToken.None);
            appA.Enqueue(CallStarted.For(CallRecordFixture.Record(account, "CAfromA", Ten)));
            appA.Enqueue(new CallCounted { CallId = "CAfromA", At = Ten, AccountId = account, Caller = caller, CalledNumber = number });
            await Poll.AdvancingAsync(time, appA.StopAsync(CancellationToken.None), TimeSpan.FromMilliseconds(200));
        }

        // An app on storage B (another endpoint) started on the same machine, with something of its own to replay.
        var other = SmartnumbersAppFactory.NewAccountId("acct-b");
        using (var stoppedB = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, root, flushSeconds: 0, time: time))
        {
            await stoppedB.StartAsync(CancellationToken.None);
            await stoppedB.StopAsync(CancellationToken.None);
            Assert.False(stoppedB.Enqueue(CallStarted.For(CallRecordFixture.Record(other, "CAfromB", Ten))));
        }

        using (var countersB = CounterFixture.Instance(await CounterFixture.TablesAsync(), time))
        using (var appB = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, root, counters: countersB))
        {
            await appB.StartAsync(CancellationToken.None);
            await Poll.AdvancingAsync(time, () => store.GetAsync(other, "CAfromB", CancellationToken.None), r => r is not null);
            await appB.StopAsync(CancellationToken.None);
        }

        Assert.Null(await store.GetAsync(account, "CAfromA", CancellationToken.None));
        Assert.Equal(CallerHistory.None, await reader.GetHistoryAsync(account, caller, number, Ten));

        // Storage A back: A's next start writes them.
        gate.Open();
        using var countersA2 = CounterFixture.Instance(await CounterFixture.TablesAsync(gate.Port), time);
        using var appA2 = CallRecordFixture.Writer(gate.Port, root, counters: countersA2);
        await appA2.StartAsync(CancellationToken.None);
        Assert.NotNull(await Poll.AdvancingAsync(time, () => store.GetAsync(account, "CAfromA", CancellationToken.None), r => r is not null));
        await Poll.AdvancingAsync(time, () => reader.GetHistoryAsync(account, caller, number, Ten), h => h.CallsFromCallerToday == 1);
        await appA2.StopAsync(CancellationToken.None);
    }
}
