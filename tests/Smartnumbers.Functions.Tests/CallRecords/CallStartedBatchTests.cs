using System.Globalization;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>
/// <see cref="CallRecordStore.ApplyStartedAsync(IReadOnlyList{CallStarted}, CancellationToken)"/>: many calls' records
/// written in few transactions, with the same outcome as writing them one by one.
/// </summary>
public sealed class CallStartedBatchTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T09:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>A unique call id ending in <paramref name="last"/> (the index partition).</summary>
    private static string CallId(char last) => "CA" + Guid.NewGuid().ToString("N") + last;

    private static CallStarted Started(string account, string callId, DateTimeOffset at) => CallStarted.For(CallRecordFixture.Record(account, callId, at));

    private static async Task<List<CallRecord>> ListAsync(CallRecordStore store, string account) =>
        await store.ListAsync(account, null, null, CancellationToken.None).ToListAsync();

    [Fact]
    public async Task Started_events_of_150_calls_of_two_accounts_are_all_written_with_their_index_rows()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var probe = new TableStoreProbe(CallRecordFixture.Tables(CallRecordFixture.AzuritePort));
        var (busy, quiet) = (SmartnumbersAppFactory.NewAccountId("batch"), SmartnumbersAppFactory.NewAccountId("batch"));
        // 110 calls in one index partition and one account: more than one transaction's 100 operations each.
        var batch = Enumerable.Range(0, 110).Select(i => Started(busy, CallId('7'), Start.AddSeconds(i)))
            .Concat(Enumerable.Range(0, 40).Select(i => Started(quiet, CallId("0123456789abcdef"[i % 16]), Start.AddSeconds(i))))
            .ToList();

        await store.ApplyStartedAsync(batch, CancellationToken.None);

        var busyRecords = await ListAsync(store, busy);
        var quietRecords = await ListAsync(store, quiet);
        Assert.Equal(batch.Where(e => e.Record.AccountId == busy).Select(e => e.CallId).Reverse(), busyRecords.Select(r => r.CallId));
        Assert.Equal(batch.Where(e => e.Record.AccountId == quiet).Select(e => e.CallId).Reverse(), quietRecords.Select(r => r.CallId));
        Assert.All(busyRecords.Concat(quietRecords), r => Assert.Equal(("connect", 80), (r.Decision?.Action, r.Risk?.Score)));
        foreach (var ev in batch)
        {
            Assert.True(await probe.HasIndexAsync(ev.CallId), ev.CallId);
        }

        var one = batch[^1];
        Assert.Equal(one.Record.StartedAt, (await store.GetAsync(quiet, one.CallId, CancellationToken.None))?.StartedAt);
    }

    [Fact]
    public async Task A_batch_with_a_call_already_indexed_keeps_its_first_record_and_writes_the_others()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("retry");
        var retried = CallId('q');
        await store.ApplyAsync(Started(account, retried, Start), CancellationToken.None);
        // The retried webhook (another arrival time) in a batch with calls of the same index partition and others.
        var batch = new List<CallStarted> { Started(account, retried, Start.AddSeconds(3)) };
        batch.AddRange(Enumerable.Range(0, 10).Select(i => Started(account, CallId('q'), Start.AddMinutes(1 + i))));
        batch.AddRange(Enumerable.Range(0, 10).Select(i => Started(account, CallId('r'), Start.AddMinutes(20 + i))));

        await store.ApplyStartedAsync(batch, CancellationToken.None);

        var records = await ListAsync(store, account);
        Assert.Equal(21, records.Count);
        Assert.Single(records, r => r.CallId == retried);
        Assert.Equal(batch.Select(e => e.CallId).ToHashSet(), records.Select(r => r.CallId).ToHashSet());
        // Still under the first key: listed within the first arrival's millisecond.
        var first = Assert.Single(await store.ListAsync(account, Start, Start.AddMilliseconds(1), CancellationToken.None).ToListAsync());
        Assert.Equal(retried, first.CallId);
        Assert.Equal(Start, first.StartedAt); // The retry's later arrival does not move the call's start.
        Assert.NotNull(await store.GetAsync(account, retried, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_with_the_same_call_twice_writes_one_record_under_the_first_arrival()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("twice");
        var twice = CallId('t');
        var others = Enumerable.Range(0, 5).Select(i => Started(account, CallId('t'), Start.AddMinutes(10 + i))).ToList();
        List<CallStarted> batch = [Started(account, twice, Start), .. others, Started(account, twice, Start.AddSeconds(2))];

        await store.ApplyStartedAsync(batch, CancellationToken.None);

        var records = await ListAsync(store, account);
        Assert.Equal(6, records.Count);
        Assert.Single(records, r => r.CallId == twice);
        Assert.Equal(twice, Assert.Single(await store.ListAsync(account, Start, Start.AddMilliseconds(1), CancellationToken.None).ToListAsync()).CallId);
    }

    [Fact]
    public async Task Follow_ups_that_landed_before_a_batched_start_are_copied_onto_its_record()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("early");
        var (ended, stepped, steppedKnown, plain) = (CallId('e'), CallId('e'), CallId('f'), CallId('p'));
        await store.ApplyAsync(CallRecordFixture.Ended(ended, Start.AddMinutes(2)), CancellationToken.None);
        await store.ApplyAsync(Step(account, stepped, null), CancellationToken.None);
        await store.ApplyAsync(Step(account, steppedKnown, Start.AddSeconds(2)), CancellationToken.None);
        await store.ApplyAsync(CallRecordFixture.Ended(steppedKnown, Start.AddMinutes(3)), CancellationToken.None);

        await store.ApplyStartedAsync(
            [Started(account, ended, Start), Started(account, stepped, Start.AddSeconds(1)), Started(account, steppedKnown, Start.AddSeconds(2)), Started(account, plain, Start.AddSeconds(3))],
            CancellationToken.None);

        var records = (await ListAsync(store, account)).ToDictionary(r => r.CallId);
        Assert.Equal(4, records.Count);
        Assert.Equal(("completed", 42), (records[ended].FinalStatus, records[ended].DurationSeconds));
        Assert.Equal("no-answer", Assert.Single(records[stepped].Steps).Status);
        Assert.Equal(("completed", "no-answer"), (records[steppedKnown].FinalStatus, Assert.Single(records[steppedKnown].Steps).Status));
        Assert.Equal((null, 0), (records[plain].FinalStatus, records[plain].Steps.Count));
        Assert.All(records.Values, r => Assert.Equal("connect", r.Decision?.Action));
    }

    private static CallStepEnded Step(string account, string callId, DateTimeOffset? startedAt) => new()
    {
        CallId = callId, At = Start.AddSeconds(30), AccountId = account, StartedAt = startedAt, Carrier = "twilio",
        Outcome = new CallStepOutcome(0, ["+441134960099"], "no-answer", null, null, Start.AddSeconds(30)),
    };
}
