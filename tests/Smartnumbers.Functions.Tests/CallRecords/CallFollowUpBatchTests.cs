using System.Globalization;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>
/// <see cref="CallRecordStore.ApplyFollowUpsAsync"/>: many calls' dial results and final statuses written in few
/// transactions, with the same records and outcomes as writing them one by one, in whatever order they land.
/// </summary>
public sealed class CallFollowUpBatchTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T09:00:00Z", CultureInfo.InvariantCulture);
    private const string Destination = "+441134960099";

    private static CallStepEnded StepEnded(string account, string callId, DateTimeOffset? startedAt) => new()
    {
        CallId = callId, At = Start.AddMinutes(1), AccountId = account, StartedAt = startedAt, Carrier = "twilio",
        Outcome = new CallStepOutcome(1, [Destination], "no-answer", 480, null, Start.AddMinutes(1)),
    };

    [Fact]
    public async Task Follow_ups_of_40_calls_with_and_without_the_record_key_reach_their_records_and_outcomes()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("follow");
        var calls = Enumerable.Range(0, 40).Select(i => (Id: "CA" + Guid.NewGuid().ToString("N"), At: Start.AddSeconds(i))).ToList();
        await store.ApplyStartedAsync([.. calls.Select(c => CallStarted.For(CallRecordFixture.Record(account, c.Id, c.At)))], CancellationToken.None);
        // Half the dial results carry the call's start (the record key), half do not; no final status does (Twilio's
        // status callback names neither account nor start), so those are found through the index, 15 to a query.
        var followUps = calls.SelectMany<(string Id, DateTimeOffset At), CallEvent>((c, i) =>
            [StepEnded(account, c.Id, i % 2 == 0 ? c.At : null), CallRecordFixture.Ended(c.Id, Start.AddMinutes(2))]).ToList();

        await store.ApplyFollowUpsAsync(followUps, CancellationToken.None);

        var records = await store.ListAsync(account, null, null, CancellationToken.None).ToListAsync();
        Assert.Equal(40, records.Count);
        Assert.All(records, r => Assert.Equal(("completed", 42, "no-answer"), (r.FinalStatus, r.DurationSeconds, Assert.Single(r.Steps).Status)));
        Assert.Equal(40, await store.OutcomesAsync(account, Destination, null, CancellationToken.None).CountAsync());
    }

    [Fact]
    public async Task Follow_ups_that_land_before_their_record_are_on_it_once_it_is_written_and_a_retry_changes_nothing()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("early");
        var (early, other) = ("CA" + Guid.NewGuid().ToString("N"), "CA" + Guid.NewGuid().ToString("N"));
        List<CallEvent> batch = [CallRecordFixture.Ended(early, Start.AddMinutes(2)), StepEnded(account, early, null), CallRecordFixture.Ended(other, Start.AddMinutes(2))];

        await store.ApplyFollowUpsAsync(batch, CancellationToken.None);
        await store.ApplyFollowUpsAsync(batch, CancellationToken.None); // Retried whole after an ambiguous failure.
        await store.ApplyAsync(CallStarted.For(CallRecordFixture.Record(account, early, Start)), CancellationToken.None);

        var record = await store.GetAsync(account, early, CancellationToken.None);
        Assert.Equal(("completed", "no-answer"), (record!.FinalStatus, Assert.Single(record.Steps).Status));
        Assert.Single(await store.OutcomesAsync(account, Destination, null, CancellationToken.None).ToListAsync());
        Assert.Null(await store.GetAsync(account, other, CancellationToken.None));
    }
}
