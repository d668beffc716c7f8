using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;
using static Smartnumbers.Functions.Tests.Calls.SummaryRig;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>
/// The hourly RollUpCallHours timer: it rolls up each closed hour ahead of any summary, so the next summary reads rows
/// (not records); it leaves the open hour and an hour still within the grace alone; a second run changes nothing; a record
/// written late after it ran still shows up, and the next run rolls that hour up again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RollUpCallHoursTests(SmartnumbersAppFactory factory)
{
    // 14:03: the 13:00 hour ended 3 minutes ago, still within the 5-minute grace; 14:00 is the open hour.
    private static readonly DateTimeOffset Now = At("2026-11-03T14:03:00Z");
    private static readonly DateTimeOffset First = At("2026-11-03T06:00:00Z");

    [Fact]
    public async Task A_run_rolls_up_the_closed_hours_so_the_first_summary_reads_rows_not_records()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        await rig.WriteAsync(rig.Calls(First, Now, 160));

        var line = await Timer(rig).RollUpAsync(rig.Account, CancellationToken.None);

        // Every hour of the 7 days before 13:00 (168, most of them empty), none from 13:00 on.
        Assert.Contains(": 168 closed hours folded, 168 stored", line, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(6, 7).Select(h => At($"2026-11-03T{h:D2}:00:00Z")).ToList(), await rig.RolledUpHoursAsync(First, Now.AddHours(1)));
        Assert.Equal(168, (await rig.RolledUpHoursAsync(At("2026-10-27T13:00:00Z"), Now)).Count);

        // Other figures in the 08:00 row, as a roll-up of different records would hold: the first summary of the range
        // reads them, so it read the rows the run stored, not the records (folded, that hour has 20 calls).
        var hour = At("2026-11-03T08:00:00Z");
        await rig.RewriteRollupAsync(hour, 1000);
        var folded = await rig.FoldedAsync(First, Now);
        Assert.Equal(folded["total"]!.GetValue<int>() - 20 + 1000, (await rig.SummaryAsync(First, Now))["total"]!.GetValue<int>());
        Assert.Equal(20, (await rig.FoldedAsync(hour, hour.AddHours(1)))["total"]!.GetValue<int>());
        AssertSame(await rig.FoldedAsync(hour.AddHours(1), Now), await rig.SummaryAsync(hour.AddHours(1), Now));
    }

    [Fact]
    public async Task The_open_hour_and_an_hour_within_the_grace_wait_for_a_later_run()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        await rig.WriteAsync(rig.Calls(First, Now, 160));
        await Timer(rig).RollUpAsync(rig.Account, CancellationToken.None);
        Assert.DoesNotContain(At("2026-11-03T13:00:00Z"), await rig.RolledUpHoursAsync(First, Now.AddHours(1)));

        // At minute 6 the 13:00 hour has passed the grace: that run rolls it up, and only it.
        rig.Clock.SetUtcNow(At("2026-11-03T14:06:00Z"));
        var line = await Timer(rig).RollUpAsync(rig.Account, CancellationToken.None);

        Assert.Contains(": 1 closed hours folded, 1 stored", line, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(6, 8).Select(h => At($"2026-11-03T{h:D2}:00:00Z")).ToList(), await rig.RolledUpHoursAsync(First, Now.AddHours(1)));
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        await rig.WriteAsync(rig.Calls(First, Now, 160));
        await Timer(rig).RollUpAsync(rig.Account, CancellationToken.None);
        var before = await rig.Rollups.ReadAsync(rig.Account, First, Now, CancellationToken.None);

        var line = await Timer(rig).RollUpAsync(rig.Account, CancellationToken.None);

        Assert.Contains(": 0 closed hours folded, 0 stored", line, StringComparison.Ordinal);
        var after = await rig.Rollups.ReadAsync(rig.Account, First, Now, CancellationToken.None);
        Assert.Equal(before.Values.Select(r => (r.Hour, r.Version)), after.Values.Select(r => (r.Hour, r.Version)));
    }

    [Fact]
    public async Task A_record_written_late_after_a_run_shows_up_and_the_next_run_rolls_its_hour_up_again()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        await rig.WriteAsync(rig.Calls(First, Now, 160));
        await Timer(rig).RollUpAsync(rig.Account, CancellationToken.None);
        var before = (await rig.SummaryAsync(First, Now))["total"]!.GetValue<int>();

        // As the spill replay writes calls of an hour long closed: the next summary shows it (and stores the hour again).
        await rig.WriteAsync([rig.Call("late1", At("2026-11-03T09:30:00Z"), 4)]);
        Assert.Equal(before + 1, (await rig.SummaryAsync(First, Now))["total"]!.GetValue<int>());

        // Another after that summary: the next run rolls the hour up again, and the summary reads it from the row.
        await rig.WriteAsync([rig.Call("late2", At("2026-11-03T09:40:00Z"), 5)]);
        var line = await Timer(rig).RollUpAsync(rig.Account, CancellationToken.None);
        Assert.Contains(": 1 closed hours folded, 1 stored", line, StringComparison.Ordinal);
        Assert.Contains(At("2026-11-03T09:00:00Z"), await rig.RolledUpHoursAsync(First, Now));
        var after = await rig.SummaryAsync(First, Now);
        Assert.Equal(before + 2, after["total"]!.GetValue<int>());
        AssertSame(await rig.FoldedAsync(First, Now), after);
    }

    [Fact]
    public async Task A_run_covers_every_account()
    {
        var rig = await SummaryRig.CreateAsync(factory, Now);
        var documents = factory.Services.GetRequiredService<ConfigDocuments>();
        Assert.Equal(WriteOutcome.Done, (await documents.PutAccountAsync(rig.Account, new AccountSettings { Name = "Roll-ups" }, null, TestAccounts.Actor, default)).Outcome);
        await rig.WriteAsync(rig.Calls(First, Now, 40));

        var lines = await Timer(rig).RunAsync(new TimerRun("schedule", false), CancellationToken.None);

        Assert.Contains(lines, l => l.StartsWith(rig.Account + ": 168 closed hours folded, 168 stored", StringComparison.Ordinal));
        Assert.Equal(7, (await rig.RolledUpHoursAsync(First, Now)).Count);
    }

    private RollUpCallHoursTimer Timer(SummaryRig rig) => new(factory.Services.GetRequiredService<ConfigDocuments>(), rig.Reader, rig.Clock);
}
