using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Counters;

[Collection(AppCollection.Name)]
public sealed class CallCountersTests(SmartnumbersAppFactory factory)
{
    private static readonly DateTimeOffset Ten = DateTimeOffset.Parse("2026-11-23T10:15:00Z", CultureInfo.InvariantCulture);

    private async Task<T> ServiceAsync<T>()
        where T : notnull
    {
        _ = factory.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(timeout.Token);
        return factory.Services.GetRequiredService<T>();
    }

    /// <summary>Counts one call in the app's shard and writes it at once.</summary>
    private async Task RecordCallAsync(CallCount call)
    {
        factory.Services.GetRequiredService<CounterShard>().Count(call);
        await factory.Services.GetRequiredService<CounterRowWriter>().FlushAsync(null, TimeProvider.System, CancellationToken.None);
    }

    [Fact]
    public async Task Calls_are_counted_per_caller_hour_and_day_with_distinct_numbers_and_withheld_per_number_hour()
    {
        var counters = await ServiceAsync<ICallerHistory>();
        var account = SmartnumbersAppFactory.NewAccountId();
        var (caller, a, b) = (TestAccounts.NewNumber(), TestAccounts.NewNumber(), TestAccounts.NewNumber());

        await RecordCallAsync(new CallCount(account, caller, a, false, Ten.AddHours(-2)));
        await RecordCallAsync(new CallCount(account, caller, a, false, Ten));
        await RecordCallAsync(new CallCount(account, caller, b, false, Ten.AddMinutes(10)));
        await RecordCallAsync(new CallCount(account, caller, a, false, Ten.AddDays(-1)));
        await RecordCallAsync(new CallCount(account, null, a, true, Ten));
        await RecordCallAsync(new CallCount(account, null, a, true, Ten.AddMinutes(1)));
        await RecordCallAsync(new CallCount(account, null, a, true, Ten.AddHours(1)));

        var history = await counters.GetAsync(account, caller, a, Ten.AddMinutes(20));

        Assert.Equal(new CallerHistory(2, 3, 2, 2, 0, 0), history);
        Assert.Equal(CallerHistory.None, await counters.GetAsync(SmartnumbersAppFactory.NewAccountId(), caller, a, Ten));
    }

    [Fact]
    public async Task Labels_are_counted_per_caller_across_days()
    {
        var counters = await ServiceAsync<ICallerHistory>();
        var account = SmartnumbersAppFactory.NewAccountId();
        var (caller, number) = (TestAccounts.NewNumber(), TestAccounts.NewNumber());

        var labels = factory.Services.GetRequiredService<CallerLabelCounts>();
        await labels.RecordAsync(account, caller, fraud: true);
        await labels.RecordAsync(account, caller, fraud: true);
        await labels.RecordAsync(account, caller, fraud: false);

        var history = await counters.GetAsync(account, caller, number, Ten.AddDays(30));
        Assert.Equal(2, history.PriorFraudLabels);
        Assert.Equal(1, history.PriorGenuineLabels);
    }

    [Fact]
    public async Task Concurrent_increments_are_not_lost()
    {
        var counters = await ServiceAsync<ICallerHistory>();
        var account = SmartnumbersAppFactory.NewAccountId();
        var (caller, number) = (TestAccounts.NewNumber(), TestAccounts.NewNumber());

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => RecordCallAsync(new CallCount(account, caller, number, false, Ten))));

        Assert.Equal(25, (await counters.GetAsync(account, caller, number, Ten)).CallsFromCallerThisHour);
    }

    [Fact]
    public async Task Hundred_parallel_divert_reservations_with_a_cap_of_20_grant_exactly_20()
    {
        var cap = await ServiceAsync<IDivertCap>();
        var account = SmartnumbersAppFactory.NewAccountId();
        var number = TestAccounts.NewNumber();

        var granted = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => cap.TryReserveDivertAsync(account, number, 20, Ten).AsTask()));

        Assert.Equal(20, granted.Count(g => g));
        Assert.False(await cap.TryReserveDivertAsync(account, number, 20, Ten.AddMinutes(30)));
        Assert.True(await cap.TryReserveDivertAsync(account, number, 20, Ten.AddHours(1)));
    }
}
