using System.Globalization;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.Tests.Counters;

/// <summary>The in-memory shard: what it keeps, drops and hands to a flush (no storage involved).</summary>
public sealed class CounterShardTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    private static int Sum(IEnumerable<ShardRowCopy> writes, string property) => writes.Sum(w => Value(w, property));

    private static int Value(ShardRowCopy write, string property) => write.ToSaved().Counts.GetValueOrDefault(property);

    [Fact]
    public void A_row_storage_has_not_taken_survives_tidy_and_later_counts_of_its_day_go_to_a_new_row()
    {
        var shard = new CounterShard();
        var first = shard.Id;
        shard.Count(new CallCount("acct", "+447700900123", "+441134960001", false, Ten));

        shard.Tidy(Ten.AddDays(2)); // Not written yet: kept, though its day is over.
        shard.Count(new CallCount("acct", "+447700900123", "+441134960001", false, Ten));

        var changed = shard.Changed();
        Assert.NotEqual(first, shard.Id);
        Assert.Equal(2, changed.Count);
        Assert.Equal(2, changed.Select(w => w.RowKey).Distinct().Count());
        Assert.Equal(2, Sum(changed, CounterKeys.Day));
    }

    [Fact]
    public void Written_rows_of_current_days_stay_in_memory_and_keep_counting_in_the_same_row()
    {
        var shard = new CounterShard();
        var call = new CallCount("acct", "+447700900123", "+441134960001", false, Ten);
        shard.Count(call);
        shard.Written(shard.Changed());

        shard.Tidy(Ten.AddDays(1)); // Yesterday's row: still current.
        shard.Count(call);

        var row = Assert.Single(shard.Changed());
        Assert.Equal(2, Value(row, CounterKeys.Day));
        Assert.Equal(1, shard.Rows);
    }

    [Fact]
    public void Above_the_row_limit_written_rows_are_dropped_and_the_shard_takes_a_new_id()
    {
        var shard = new CounterShard();
        var first = shard.Id;
        for (var i = 0; i <= CounterShard.MaxRows; i++)
        {
            shard.Count(new CallCount("acct", "+4477" + i.ToString("D8", CultureInfo.InvariantCulture), "+441134960001", false, Ten));
        }

        var unwritten = new CallCount("acct", "+447799999999", "+441134960001", false, Ten);
        shard.Written(shard.Changed());
        shard.Count(unwritten);

        shard.Tidy(Ten);

        Assert.NotEqual(first, shard.Id);
        Assert.Equal(1, shard.Rows); // Only the row storage has not taken.
        shard.Count(new CallCount("acct", "+447700000000", "+441134960001", false, Ten));
        var rows = shard.Changed();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, w => Assert.Equal(1, Value(w, CounterKeys.Day)));
        Assert.Contains(rows, w => w.RowKey.EndsWith("|" + shard.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_unwritten_row_count_follows_counts_and_writes_up_to_the_version_storage_took()
    {
        var shard = new CounterShard();
        var call = new CallCount("acct", "+447700900123", "+441134960001", false, Ten);
        shard.Count(call);
        shard.Count(call);
        shard.Count(call with { Caller = null, Withheld = true });
        Assert.Equal(2, shard.Unwritten); // The caller's row and the number's withheld row.

        var flushing = shard.Changed();
        shard.Count(call); // Counted while the flush is under way: its row stays unwritten.
        shard.Written(flushing);
        Assert.Equal(1, shard.Unwritten);

        shard.Written(shard.Changed());
        Assert.Equal(0, shard.Unwritten);
    }
}
