using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Counters;

/// <summary>The call path's velocity figures: storage read once per caller, this instance's own counts always current.</summary>
public sealed class CallerHistoryCacheTests
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private static CallerHistoryCache Cache(CounterInstance counters, TimeProvider time) => new(counters.History, time, NullLogger<CallerHistoryCache>.Instance);

    [Fact]
    public async Task Calls_counted_after_the_callers_figures_were_cached_are_in_the_next_calls_figures()
    {
        var tables = await CounterFixture.TablesAsync();
        var time = new FakeTimeProvider(Ten);
        using var other = CounterFixture.Instance(tables);
        using var mine = CounterFixture.Instance(tables, time);
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("hist"), TestAccounts.NewNumber(), TestAccounts.NewNumber());
        other.Count(new CallCount(account, caller, number, false, Ten.AddMinutes(-5)));
        await other.FlushAsync();
        var cache = Cache(mine, time);

        var first = await cache.GetAsync(account, caller, number, Budget, default);
        for (var i = 0; i < 3; i++)
        {
            mine.Count(new CallCount(account, caller, number, false, Ten));
        }

        time.Advance(TimeSpan.FromSeconds(2)); // Well within the 30 s the stored part is kept.
        var next = await cache.GetAsync(account, caller, number, Budget, default);

        Assert.Equal(1, first.CallsFromCallerLastHour);
        Assert.Equal(4, next.CallsFromCallerLastHour);
        Assert.Equal(4, next.CallsFromCallerLastDay);
    }

    [Fact]
    public async Task With_storage_unreachable_a_call_is_decided_with_this_instances_own_counts()
    {
        var tables = CallRecordFixture.Tables(FreePort.Next()); // Nothing listens there.
        var time = new FakeTimeProvider(Ten);
        using var mine = CounterFixture.Instance(tables, time);
        var (account, caller, number) = (SmartnumbersAppFactory.NewAccountId("hist"), TestAccounts.NewNumber(), TestAccounts.NewNumber());
        mine.Count(new CallCount(account, caller, number, false, Ten));
        mine.Count(new CallCount(account, caller, number, false, Ten));

        var figures = await Cache(mine, time).GetAsync(account, caller, number, TimeSpan.FromMilliseconds(50), default);

        Assert.Equal(2, figures.CallsFromCallerLastHour);
    }
}
