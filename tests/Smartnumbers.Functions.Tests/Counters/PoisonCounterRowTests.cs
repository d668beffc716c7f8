using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Counters;

/// <summary>
/// A counter row storage cannot take (a caller id too long for a key, a property over 64 KB) never holds back the rows
/// written with it, in a flush or in the replay of a saved file: its key is made valid, or it is dead-lettered.
/// </summary>
public sealed class PoisonCounterRowTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    /// <summary>Callers ending in the same digit: their rows share a partition, so they are written in one transaction.</summary>
    private static string Caller() => "+4477" + Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture) + "3";

    private static string Number() => "+44113" + Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_caller_id_too_long_for_a_key_is_counted_in_the_same_flush_as_the_other_callers()
    {
        var tables = await CounterFixture.TablesAsync();
        using var counters = CounterFixture.Instance(tables);
        using var reader = CounterFixture.Instance(tables);
        var (account, number) = (SmartnumbersAppFactory.NewAccountId("long"), Number());
        var fuzzed = "+44" + new string('7', 4996) + "\n/3";
        var callers = new[] { Caller(), Caller(), fuzzed, Caller() };
        foreach (var caller in callers)
        {
            counters.Count(new CallCount(account, caller, number, false, Ten));
        }

        await counters.FlushAsync();

        foreach (var caller in callers)
        {
            Assert.Equal(1, (await reader.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        }
    }

    [Fact]
    public async Task A_counter_row_storage_refuses_is_dead_lettered_and_the_rest_of_its_batch_is_written()
    {
        var tables = await CounterFixture.TablesAsync();
        var time = new FakeTimeProvider(Ten);
        using var counters = CounterFixture.Instance(tables, time);
        using var reader = CounterFixture.Instance(tables);
        var account = SmartnumbersAppFactory.NewAccountId("refused");
        var (poison, number) = (Caller(), Number());
        var callers = new[] { Caller(), Caller(), Caller() };
        var root = CallRecordFixture.NewSpillFolder();
        using var writer = CallRecordFixture.Writer(CallRecordFixture.AzuritePort, root, counters: counters);
        await writer.StartAsync(CancellationToken.None);

        // Numbers over Table Storage's 64 KB property limit: the row is refused whatever its key.
        writer.Enqueue(Counted(account, poison, new string('1', 40_000)));
        foreach (var caller in callers)
        {
            writer.Enqueue(Counted(account, caller, number));
        }

        foreach (var caller in callers)
        {
            await Poll.AdvancingAsync(time, () => reader.GetHistoryAsync(account, caller, number, Ten), h => h.CallsFromCallerToday == 1, TimeSpan.FromMilliseconds(100));
        }

        var dead = await Poll.AdvancingAsync(time, () => Task.FromResult(DeadLetters(root)), d => d.Length == 1, TimeSpan.FromMilliseconds(100));
        var row = JsonSerializer.Deserialize(dead[0], CounterJsonContext.Default.SavedCounterRow)!;
        Assert.Contains("|" + TableKeys.Safe(poison) + "|", row.Row, StringComparison.Ordinal);
        Assert.StartsWith("400 ", row.Refused, StringComparison.Ordinal);
        Assert.Equal(new CounterBacklog(0, 0, 1), writer.CounterBacklog());
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_saved_file_holding_a_row_storage_refuses_is_written_without_it_and_never_replayed_again()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("saved"), Caller(), Number());
        var folder = CallRecordFixture.NewSpillFolder();
        a.Count(new CallCount(account, caller, number, false, Ten));
        a.SaveUnwritten(folder);
        var file = Assert.Single(CounterFixture.SavedFiles(folder));
        // As an earlier version saved it: a row keyed by a 5,000-character caller id, which storage refuses.
        var rows = JsonSerializer.Deserialize(await File.ReadAllTextAsync(file), CounterJsonContext.Default.ListSavedCounterRow)!;
        var row = rows[0];
        rows.Insert(0, row with { Row = "20261123|+44" + new string('7', 5000) + "|" + row.Row.Split('|')[^1] });
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(rows, CounterJsonContext.Default.ListSavedCounterRow));

        await b.ReplaySavedAsync(folder);

        Assert.Equal(1, (await b.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        Assert.Empty(CounterFixture.SavedFiles(folder));
        Assert.Single(DeadLetters(folder));
        await b.ReplaySavedAsync(folder); // Nothing left to replay, nothing refused again.
        Assert.Single(DeadLetters(folder));
    }

    [Fact]
    public async Task A_saved_file_of_thousands_of_rows_keyed_by_fuzzed_caller_ids_is_written_and_dead_lettered_in_one_pass()
    {
        var tables = await CounterFixture.TablesAsync();
        using var a = CounterFixture.Instance(tables);
        using var b = CounterFixture.Instance(tables);
        var (account, number) = (SmartnumbersAppFactory.NewAccountId("many"), Number());
        var callers = Enumerable.Range(0, 3).Select(_ => Caller()).ToList();
        var folder = CallRecordFixture.NewSpillFolder();
        foreach (var caller in callers)
        {
            a.Count(new CallCount(account, caller, number, false, Ten));
        }

        a.SaveUnwritten(folder);
        var file = Assert.Single(CounterFixture.SavedFiles(folder));
        var rows = JsonSerializer.Deserialize(await File.ReadAllTextAsync(file), CounterJsonContext.Default.ListSavedCounterRow)!;
        // The fuzz run's file: 4,984 rows, each keyed by a different caller id of 5,000 characters, among the good ones.
        var poison = Enumerable.Range(0, 4984).Select(i => rows[0] with { Row = $"20261123|+44{i:D5}{new string('7', 4993)}|{rows[0].Row.Split('|')[^1]}" });
        rows = [.. poison.Take(2500), .. rows, .. poison.Skip(2500)];
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(rows, CounterJsonContext.Default.ListSavedCounterRow));

        await b.ReplaySavedAsync(folder);

        foreach (var caller in callers)
        {
            Assert.Equal(1, (await b.GetHistoryAsync(account, caller, number, Ten)).CallsFromCallerToday);
        }

        Assert.Equal(4984, DeadLetters(folder).Length);
        Assert.Equal(new CounterBacklog(0, 0, 4984), b.Backlog(folder));
    }

    private static CallCounted Counted(string account, string caller, string number) => new()
    {
        CallId = "CA" + Guid.NewGuid().ToString("N"), At = Ten, AccountId = account, Caller = caller, CalledNumber = number,
    };

    /// <summary>The dead-lettered counter rows under <paramref name="root"/> (in whichever account folder), one line each.</summary>
    private static string[] DeadLetters(string root) =>
        Directory.Exists(root)
            ? Directory.GetFiles(root, "counters-dead-*.jsonl", SearchOption.AllDirectories).SelectMany(File.ReadAllLines).ToArray()
            : [];
}
