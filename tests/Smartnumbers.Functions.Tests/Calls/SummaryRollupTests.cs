using System.Net;
using System.Net.Sockets;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using static Smartnumbers.Functions.Tests.Calls.SummaryRig;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>
/// reports/summary from hourly roll-ups: the same figures as folding every record, for closed hours read from the
/// roll-up table, and still the same after records of those hours are written late (replay, follow-ups).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SummaryRollupTests(SmartnumbersAppFactory factory)
{
    // Six closed hours (07:00–13:00), the range starting mid-hour and ending in the open hour (13:00–13:40).
    private static readonly DateTimeOffset Now = At("2026-11-02T13:40:00Z");
    private static readonly DateTimeOffset From = At("2026-11-02T06:20:00Z");

    [Fact]
    public async Task The_summary_from_rollups_equals_the_fold_over_the_records_whatever_the_thresholds()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        var calls = rig.Calls(At("2026-11-02T06:00:00Z"), Now, 180);
        await rig.WriteAsync(calls);

        var cold = await rig.SummaryAsync(From, Now);
        var rolledUp = await rig.RolledUpHoursAsync(From, Now);
        var warm = await rig.SummaryAsync(From, Now);

        // Whole hours only, and only those closed (ended at least the grace before now): 07:00 … 12:00.
        Assert.Equal(Enumerable.Range(7, 6).Select(h => At($"2026-11-02T{h:D2}:00:00Z")).ToList(), rolledUp);
        AssertSame(await rig.FoldedAsync(From, Now), cold);
        AssertSame(cold, warm);

        // An independent count of the same calls.
        var inRange = calls.Where(c => c.StartedAt >= From && c.StartedAt < Now).ToList();
        var highRisk = inRange.Where(c => c.Decision!.Source == "fraud" || c.Risk!.Score >= rig.ThresholdOf(c.CalledNumber)).ToList();
        Assert.Equal(inRange.Count, warm["total"]!.GetValue<int>());
        Assert.Equal(highRisk.Count, warm["highRisk"]!.GetValue<int>());
        Assert.Equal(highRisk.SelectMany(c => c.Risk!.Tags).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()), Counts(warm["suspiciousByTag"]));
        Assert.Equal(inRange.Where(c => c.Decision!.Action == "reject").GroupBy(c => c.Decision!.Reason!).ToDictionary(g => g.Key, g => g.Count()), Counts(warm["rejectedByReason"]));

        // A threshold changed after the hours were rolled up, or named in the request, applies to them exactly.
        rig.SetThreshold(SummaryRig.Strict, 10);
        rig.SetThreshold(SummaryRig.Lenient, 95);
        AssertSame(await rig.FoldedAsync(From, Now), await rig.SummaryAsync(From, Now));
        AssertSame(await rig.FoldedAsync(From, Now, highRiskScore: 50), await rig.SummaryAsync(From, Now, highRiskScore: 50));
        Assert.NotEqual(warm["highRisk"]!.GetValue<int>(), (await rig.SummaryAsync(From, Now))["highRisk"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_closed_hour_is_read_from_its_rollup_row_not_from_the_records()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        await rig.WriteAsync(rig.Calls(At("2026-11-02T08:00:00Z"), At("2026-11-02T09:00:00Z"), 10));
        var hour = At("2026-11-02T08:00:00Z");
        Assert.Equal(10, (await rig.SummaryAsync(hour, hour.AddHours(1)))["total"]!.GetValue<int>());

        // Put other figures in the row, as a roll-up of different records would hold.
        await rig.RewriteRollupAsync(hour, 1000);

        Assert.Equal(1000, (await rig.SummaryAsync(hour, hour.AddHours(1)))["total"]!.GetValue<int>());
        Assert.Equal(10, (await rig.FoldedAsync(hour, hour.AddHours(1)))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_record_written_late_for_a_closed_hour_shows_up_in_the_next_summary()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        await rig.WriteAsync(rig.Calls(At("2026-11-02T06:00:00Z"), Now, 60));
        var before = await rig.SummaryAsync(From, Now);

        // As the spill replay writes calls of hours long closed: a batch, and one alone.
        await rig.WriteAsync(rig.Calls(At("2026-11-02T08:10:00Z"), At("2026-11-02T10:10:00Z"), 4, "late"));
        await rig.Store.ApplyAsync(CallStarted.For(rig.Call("alone", At("2026-11-02T11:30:00Z"), 2)), CancellationToken.None);
        var after = await rig.SummaryAsync(From, Now);

        Assert.Equal(before["total"]!.GetValue<int>() + 5, after["total"]!.GetValue<int>());
        AssertSame(await rig.FoldedAsync(From, Now), after);
        Assert.Contains(At("2026-11-02T08:00:00Z"), await rig.RolledUpHoursAsync(From, Now)); // Folded again and stored again.
    }

    [Fact]
    public async Task How_a_call_ended_reported_after_its_hour_was_rolled_up_shows_up()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        var call = rig.Call("open", At("2026-11-02T09:15:00Z"), 3) with { FinalStatus = null, DurationSeconds = null };
        var other = rig.Call("step", At("2026-11-02T10:15:00Z"), 4) with { FinalStatus = null, DurationSeconds = null };
        await rig.WriteAsync([call, other]);
        var before = await rig.SummaryAsync(From, Now);
        Assert.Empty(Counts(before["ended"]));

        await rig.Store.ApplyFollowUpsAsync(
            [new CallEnded { CallId = call.CallId, At = Now, AccountId = rig.Account, StartedAt = call.StartedAt, Status = "completed", DurationSeconds = 40 }],
            CancellationToken.None);
        await rig.Store.ApplyAsync(new CallStepEnded
        {
            CallId = other.CallId, At = Now, AccountId = rig.Account, Carrier = "twilio",
            Outcome = new CallStepOutcome(0, ["+441134960000"], "busy", 486, null, Now),
        }, CancellationToken.None);
        var after = await rig.SummaryAsync(From, Now);

        Assert.Equal(new Dictionary<string, int> { ["answered"] = 1, ["not answered"] = 1 }, Counts(after["ended"]));
        AssertSame(await rig.FoldedAsync(From, Now), after);
    }

    [Fact]
    public async Task The_open_hour_is_rolled_up_only_once_closed_and_a_write_near_its_end_marks_it()
    {
        var rig = await SummaryRig.CreateAsync(factory, At("2026-11-02T13:50:00Z"));
        var hour = At("2026-11-02T13:00:00Z");
        await rig.WriteAsync(rig.Calls(hour, hour.AddMinutes(45), 5));
        Assert.Equal(5, (await rig.SummaryAsync(hour, hour.AddHours(1)))["total"]!.GetValue<int>());
        Assert.Empty(await rig.Rollups.ReadAsync(rig.Account, hour, hour.AddHours(1), CancellationToken.None)); // Neither rolled up nor marked.

        // At 13:58 the hour ends within the grace: a record written now marks it, though no roll-up exists yet.
        rig.Clock.Advance(TimeSpan.FromMinutes(8));
        await rig.WriteAsync([rig.Call("edge", hour.AddMinutes(57), 1)]);
        var marks = await rig.Rollups.ReadAsync(rig.Account, hour, hour.AddHours(1), CancellationToken.None);
        Assert.Null(Assert.Single(marks.Values).Figures);
        Assert.Empty(await rig.RolledUpHoursAsync(hour, hour.AddHours(1)));

        rig.Clock.Advance(CallHourRollups.Grace + TimeSpan.FromMinutes(3)); // 14:06: closed.
        Assert.Equal(6, (await rig.SummaryAsync(hour, hour.AddHours(1)))["total"]!.GetValue<int>());
        Assert.Equal([hour], await rig.RolledUpHoursAsync(hour, hour.AddHours(1)));
        Assert.Equal(6, (await rig.SummaryAsync(hour, hour.AddHours(1)))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_the_rollup_table_the_summary_is_folded_from_the_records()
    {
        var unreachable = new TcpListener(IPAddress.Loopback, 0);
        unreachable.Start();
        var port = ((IPEndPoint)unreachable.LocalEndpoint).Port;
        unreachable.Stop(); // Nothing listens there: every roll-up read and write is refused.
        var rig = await SummaryRig.CreateAsync(factory, Now, rollupTables: CallRecordFixture.Tables(port));
        await rig.WriteAsync(rig.Calls(At("2026-11-02T06:00:00Z"), Now, 60));

        var summary = await rig.SummaryAsync(From, Now);

        Assert.Equal(60 - 3, summary["total"]!.GetValue<int>()); // The calls from 06:00 to 06:20 are outside the range.
        AssertSame(await rig.FoldedAsync(From, Now), summary);
        Assert.Empty(await rig.RolledUpHoursAsync(From, Now));
    }

    private static Dictionary<string, int> Counts(System.Text.Json.Nodes.JsonNode? node) =>
        node!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
}
