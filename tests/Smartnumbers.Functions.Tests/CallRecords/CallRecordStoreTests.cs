using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>The call-record layout in Table Storage: order-independent, idempotent, listable by account and time.</summary>
public sealed class CallRecordStoreTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static CallStepEnded Step(string account, string callId, int step, string status, DateTimeOffset? startedAt) => new()
    {
        CallId = callId, At = Start.AddSeconds(10 + step), AccountId = account, StartedAt = startedAt, Carrier = "acs",
        Outcome = new CallStepOutcome(step, ["+44113496000" + step], status, status == "failed" ? 503 : null, null, Start.AddSeconds(10 + step)),
    };

    [Fact]
    public async Task Events_applied_in_any_order_and_twice_give_the_same_record()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("order");
        var callId = "CA" + Guid.NewGuid().ToString("N");
        CallEvent[] events =
        [
            CallRecordFixture.Ended(callId, Start.AddMinutes(2)),
            Step(account, callId, 1, "completed", null),
            Step(account, callId, 0, "failed", Start),
            CallStarted.For(CallRecordFixture.Record(account, callId, Start)),
        ];

        foreach (var ev in events.Concat(events))
        {
            await store.ApplyAsync(ev, CancellationToken.None);
        }

        var record = await store.GetAsync(account, callId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(("completed", 42, Start.AddMinutes(2)), (record!.FinalStatus, record.DurationSeconds, record.EndedAt));
        Assert.Equal(["failed", "completed"], record.Steps.Select(s => s.Status));
        Assert.Equal(80, record.Risk?.Score);
        Assert.Equal(3, record.Risk?.Attributes["lineType"]);
        Assert.Equal("fraud", record.Decision?.Source);
        Assert.Single(await store.ListAsync(account, null, null, CancellationToken.None).ToListAsync());
        var failed = Assert.Single(await store.OutcomesAsync(account, "+441134960000", null, CancellationToken.None).ToListAsync());
        Assert.False(failed.Reached); // 503
    }

    [Fact]
    public async Task An_accounts_calls_list_newest_first_within_a_time_range()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("list");
        for (var i = 0; i < 5; i++)
        {
            await store.ApplyAsync(CallStarted.For(CallRecordFixture.Record(account, $"CA{i}", Start.AddHours(i))), CancellationToken.None);
        }

        var all = await store.ListAsync(account, null, null, CancellationToken.None).Select(r => r.CallId).ToListAsync();
        var middle = await store.ListAsync(account, Start.AddHours(1), Start.AddHours(3), CancellationToken.None).Select(r => r.CallId).ToListAsync();

        Assert.Equal(["CA4", "CA3", "CA2", "CA1", "CA0"], all);
        Assert.Equal(["CA2", "CA1"], middle);
    }

    [Fact]
    public async Task A_risk_summary_too_large_for_one_property_keeps_score_tags_and_top_contributors()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("big");
        var huge = Enumerable.Range(0, 3000).ToDictionary(i => "a-rather-long-attribute-name-" + i, i => i + 0.123456789);
        var record = CallRecordFixture.Record(account, "CAbig", Start);
        record = record with { Risk = record.Risk! with { Attributes = huge } };

        await store.ApplyAsync(CallStarted.For(record), CancellationToken.None);

        var read = await store.GetAsync(account, "CAbig", CancellationToken.None);
        Assert.Equal((80, "lineType"), (read!.Risk!.Score, read.Risk.Top[0].Attribute));
        Assert.Empty(read.Risk.Attributes);
    }
}
