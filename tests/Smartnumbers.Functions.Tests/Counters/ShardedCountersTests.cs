using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Counters;

/// <summary>
/// Velocity counters as sharded counters: every instance counts in memory and writes its own rows; readers sum the
/// shards. Each test builds its instances directly against Azurite, as separate app instances would be.
/// </summary>
public sealed class ShardedCountersTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    private static (string Account, string Caller, string Number) NewCall() =>
        (SmartnumbersAppFactory.NewAccountId("shard"), TestAccounts.NewNumber(), TestAccounts.NewNumber());

    private static void CountTimes(CounterInstance counters, CallCount call, int times)
    {
        for (var i = 0; i < times; i++)
        {
            counters.Count(call);
        }
    }

    [Fact]
    public async Task Every_instance_sees_the_sum_of_both_instances_counts_once_both_have_flushed()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        using var reader = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        var other = TestAccounts.NewNumber();

        CountTimes(a, new CallCount(account, caller, number, false, Ten), 3);
        CountTimes(b, new CallCount(account, caller, number, false, Ten.AddMinutes(5)), 2);
        b.Count(new CallCount(account, caller, other, false, Ten.AddHours(-3)));
        await a.FlushAsync();
        await b.FlushAsync();

        var expected = new CallerHistory(CallsFromCallerThisHour: 5, CallsFromCallerToday: 6, DistinctNumbersCalledToday: 2, 0, 0, 0);
        foreach (var counters in new[] { a, b, reader })
        {
            Assert.Equal(expected, await counters.GetHistoryAsync(account, caller, number, Ten.AddMinutes(30)));
        }
    }

    [Fact]
    public async Task An_instance_sees_its_own_unflushed_counts_and_another_instance_sees_them_only_after_the_flush()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        await b.RecordCallAsync(new CallCount(account, caller, number, false, Ten));

        CountTimes(a, new CallCount(account, caller, number, false, Ten), 2);

        Assert.Equal(3, (await a.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerThisHour);
        Assert.Equal(1, (await b.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerThisHour);

        await a.FlushAsync();

        Assert.Equal(3, (await b.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerThisHour);
        Assert.Equal(3, (await a.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerThisHour);
    }

    [Fact]
    public async Task Withheld_calls_to_a_number_are_summed_across_shards_per_hour()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        using var reader = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        var otherNumber = TestAccounts.NewNumber();

        CountTimes(a, new CallCount(account, null, number, true, Ten), 2);
        CountTimes(b, new CallCount(account, null, number, true, Ten.AddMinutes(20)), 3);
        b.Count(new CallCount(account, null, number, true, Ten.AddHours(1)));
        a.Count(new CallCount(account, null, otherNumber, true, Ten));
        await a.FlushAsync();
        await b.FlushAsync();

        Assert.Equal(5, (await reader.GetHistoryAsync(account, caller, number, Ten.AddMinutes(30))).WithheldCallsToNumberThisHour);
        Assert.Equal(1, (await reader.GetHistoryAsync(account, caller, number, Ten.AddHours(1))).WithheldCallsToNumberThisHour);
        Assert.Equal(1, (await a.GetHistoryAsync(account, null, otherNumber, Ten)).WithheldCallsToNumberThisHour);
        Assert.Equal(0, (await reader.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
    }

    [Fact]
    public async Task The_call_path_reads_withheld_calls_to_a_number_only_for_a_withheld_call()
    {
        var tables = await CounterFixture.TablesAsync();
        using var writer = CounterFixture.Instance(tables);
        using var reader = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        CountTimes(writer, new CallCount(account, null, number, true, Ten), 4);
        CountTimes(writer, new CallCount(account, caller, number, false, Ten), 2);
        await writer.FlushAsync();

        var identified = await reader.GetHistoryAsync(account, caller, number, Ten, withheldToNumber: false);
        var withheld = await reader.GetHistoryAsync(account, null, number, Ten, withheldToNumber: false);

        Assert.Equal((2, 0), (identified.CallsFromCallerToday, identified.WithheldCallsToNumberThisHour));
        Assert.Equal(4, withheld.WithheldCallsToNumberThisHour);
    }

    [Fact]
    public async Task Counts_of_a_day_are_kept_whole_when_a_later_day_makes_the_instance_renew_its_shard()
    {
        var tables = await CounterFixture.TablesAsync();
        var time = new FakeTimeProvider(Ten);
        using var a = CounterFixture.Instance(tables, time);
        using var reader = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        var nextDayLate = new DateTimeOffset(2026, 11, 24, 23, 50, 0, TimeSpan.Zero);

        CountTimes(a, new CallCount(account, caller, number, false, Ten), 2);
        await a.FlushAsync();
        time.SetUtcNow(Ten.AddDays(1));
        a.Count(new CallCount(account, caller, number, false, nextDayLate));
        await a.FlushAsync();

        // Two days on: the rows of the first day are dropped from memory (and the shard id renewed) at the next flush.
        time.SetUtcNow(Ten.AddDays(2));
        a.Count(new CallCount(account, caller, number, false, Ten.AddDays(2)));
        await a.FlushAsync();
        // Late counts of the earlier days (a spilled event replayed): added to what storage holds, not written from zero.
        a.Count(new CallCount(account, caller, number, false, Ten.AddMinutes(1)));
        a.Count(new CallCount(account, caller, number, false, nextDayLate));
        await a.FlushAsync();

        foreach (var counters in new[] { a, reader })
        {
            Assert.Equal(3, (await counters.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
            Assert.Equal(2, (await counters.GetHistoryAsync(account, caller, number, nextDayLate)).CallsFromCallerThisHour);
            Assert.Equal(1, (await counters.GetHistoryAsync(account, caller, number, Ten.AddDays(2))).CallsFromCallerToday);
        }
    }

    [Fact]
    public async Task Saved_unwritten_counts_replayed_by_another_instance_become_visible_and_the_file_is_deleted()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        var folder = CallRecordFixture.NewSpillFolder();
        CountTimes(a, new CallCount(account, caller, number, false, Ten), 2);
        a.Count(new CallCount(account, null, number, true, Ten));

        Assert.Equal(2, a.SaveUnwritten(folder)); // The caller's row and the number's withheld row.
        Assert.Single(CounterFixture.SavedFiles(folder));
        Assert.Equal(CallerHistory.None, await b.GetHistoryAsync(account, caller, number, Ten));

        await b.ReplaySavedAsync(folder);

        Assert.Equal(new CallerHistory(2, 2, 1, 1, 0, 0), await b.GetHistoryAsync(account, caller, number, Ten));
        Assert.Empty(CounterFixture.AllFiles(folder));
        Assert.Equal(0, b.SaveUnwritten(folder)); // Replayed rows are not b's to keep.
    }

    [Fact]
    public async Task A_saved_file_an_instance_died_replaying_is_replayed_by_the_next_instance()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        var folder = CallRecordFixture.NewSpillFolder();
        CountTimes(a, new CallCount(account, caller, number, false, Ten), 3);
        a.SaveUnwritten(folder);
        var saved = Assert.Single(CounterFixture.SavedFiles(folder));
        File.Move(saved, saved + ".replay-deadbeef0000"); // Claimed by an instance that died before writing it.

        await b.ReplaySavedAsync(folder);

        Assert.Equal(3, (await b.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        Assert.Empty(CounterFixture.AllFiles(folder));
    }

    [Fact]
    public async Task Replaying_the_same_saved_rows_twice_does_not_count_them_twice()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        using var c = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        var folder = CallRecordFixture.NewSpillFolder();
        CountTimes(a, new CallCount(account, caller, number, false, Ten), 4);
        a.SaveUnwritten(folder);
        var file = Assert.Single(CounterFixture.SavedFiles(folder));
        var copy = await File.ReadAllBytesAsync(file);

        await b.ReplaySavedAsync(folder);
        // As if the replaying instance had crashed after writing and before deleting the file.
        await File.WriteAllBytesAsync(file, copy);
        await c.ReplaySavedAsync(folder);

        Assert.Equal(4, (await c.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        Assert.Empty(CounterFixture.AllFiles(folder));
    }

    [Fact]
    public async Task Counts_made_after_the_unwritten_rows_were_saved_are_not_overwritten_when_the_file_is_replayed()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        var (account, caller, number) = NewCall();
        var folder = CallRecordFixture.NewSpillFolder();

        a.Count(new CallCount(account, caller, number, false, Ten));
        a.SaveUnwritten(folder);
        CountTimes(a, new CallCount(account, caller, number, false, Ten), 2);
        await a.FlushAsync();
        await b.ReplaySavedAsync(folder);

        Assert.Equal(3, (await b.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        Assert.Equal(3, (await a.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
    }

    [Fact]
    public async Task A_flush_that_fails_keeps_the_counts_for_the_next_flush()
    {
        await using var gate = new TcpGate(CallRecordFixture.AzuritePort);
        var tables = await CounterFixture.TablesAsync(gate.Port);
        using var a = CounterFixture.Instance(tables);
        using var reader = CounterFixture.Instance(await CounterFixture.TablesAsync());
        var (account, caller, number) = NewCall();
        CountTimes(a, new CallCount(account, caller, number, false, Ten), 2);

        await Assert.ThrowsAnyAsync<Exception>(() => a.FlushAsync());
        gate.Open();
        a.Count(new CallCount(account, caller, number, false, Ten));
        await a.FlushAsync();

        Assert.Equal(3, (await reader.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
    }
}
