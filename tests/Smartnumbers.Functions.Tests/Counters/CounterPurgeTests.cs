using System.Globalization;
using Azure.Data.Tables;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Counters;

/// <summary>The daily purge of the call counters drops days no figure reads and keeps a caller's labels.</summary>
public sealed class CounterPurgeTests
{
    // Other tests share the table with days from this one on; the purge here only reaches rows over a week older.
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Rows_of_days_over_a_week_old_are_deleted_and_labels_and_recent_days_kept()
    {
        var tables = await CounterFixture.TablesAsync();
        using var counters = CounterFixture.Instance(tables);
        var account = SmartnumbersAppFactory.NewAccountId("purge");
        var caller = TestAccounts.NewNumber();
        var number = TestAccounts.NewNumber();
        foreach (var at in new[] { Now.AddDays(-10), Now.AddDays(-6), Now })
        {
            counters.Count(new CallCount(account, caller, number, false, at));
            counters.Count(new CallCount(account, null, number, true, at));
            Assert.True(await counters.DivertCap.TryReserveDivertAsync(account, number, 5, at));
        }

        await counters.FlushAsync();
        await counters.Labels.RecordAsync(account, caller, fraud: true);
        var before = await RowsAsync(tables, account);

        var log = await new PurgeCountersTimer(new CounterPurge(tables), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now)).RunAsync(new TimerRun("schedule", false), default);

        var after = await RowsAsync(tables, account);
        var day = (DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Contains(before, r => r.StartsWith(day(Now.AddDays(-10)), StringComparison.Ordinal));
        Assert.Equal(before.Where(r => !r.Contains(day(Now.AddDays(-10)), StringComparison.Ordinal)).Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
        Assert.Equal(3, before.Count - after.Count); // caller day, withheld day, divert hour
        Assert.Contains(after, r => r.StartsWith("labels|", StringComparison.Ordinal));
        Assert.StartsWith("deleted ", Assert.Single(log), StringComparison.Ordinal);
        using var reader = CounterFixture.Instance(tables);
        var history = await reader.GetHistoryAsync(account, caller, number, Now);
        Assert.Equal((1, 1), (history.CallsFromCallerToday, history.PriorFraudLabels));
    }

    private static async Task<List<string>> RowsAsync(Smartnumbers.Functions.Storage.TableStore tables, string account)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {account + "|"} and PartitionKey lt {account + "}"}");
        return await tables.Table(CounterKeys.Table).QueryAsync<TableEntity>(filter).Select(e => e.RowKey).ToListAsync();
    }
}
