using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Accounts;

[Collection(AppCollection.Name)]
public sealed class SnapshotProviderTests(SmartnumbersAppFactory factory)
{
    /// <summary>A provider as another instance of the app would hold it, on its own clock.</summary>
    private TableSnapshotProvider OtherInstance(FakeTimeProvider time) => new(
        factory.Services.GetRequiredService<ConfigStore>(),
        factory.Services.GetRequiredService<NumberIndex>(),
        Options.Create(new SnapshotOptions()),
        time,
        NullLogger<TableSnapshotProvider>.Instance);

    [Fact]
    public async Task Called_number_finds_its_account_snapshot_with_the_number_config()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents, "+441134960777");

        var snapshot = await factory.Services.GetRequiredService<ISnapshotProvider>().FindByCalledNumberAsync(number);

        Assert.NotNull(snapshot);
        Assert.Equal(account, snapshot.AccountId);
        Assert.Equal("+441134960777", snapshot.Numbers[number].Route.Steps[0].Destinations[0]);
    }

    [Fact]
    public async Task Unknown_number_and_unknown_account_give_null()
    {
        await TestAccounts.DocumentsAsync(factory);
        var provider = factory.Services.GetRequiredService<ISnapshotProvider>();

        Assert.Null(await provider.FindByCalledNumberAsync(TestAccounts.NewNumber()));
        Assert.Null(await provider.GetAsync(SmartnumbersAppFactory.NewAccountId()));
    }

    [Fact]
    public async Task A_call_costs_no_read_when_checked_within_a_second_one_point_read_after_and_a_reload_only_on_change()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var provider = OtherInstance(time);
        using var trips = new StorageRoundTrips(account, number);

        Assert.NotNull(await provider.FindByCalledNumberAsync(number));
        var cold = trips.Take();

        for (var i = 0; i < 50; i++)
        {
            Assert.NotNull(await provider.FindByCalledNumberAsync(number));
        }

        var warm = trips.Take();

        time.Advance(TimeSpan.FromSeconds(1.1));
        Assert.NotNull(await provider.FindByCalledNumberAsync(number));
        Assert.NotNull(await provider.FindByCalledNumberAsync(number));
        var versionCheck = trips.Take();

        await documents.PutNumberAsync(account, number, new NumberConfig { Route = TestAccounts.RouteTo("+441134960555") }, null, TestAccounts.Actor, default);
        trips.Take();
        time.Advance(TimeSpan.FromSeconds(1.1));
        var changed = await provider.FindByCalledNumberAsync(number);
        var reload = trips.Take();

        Assert.Equal(3, cold);          // number index, version, account partition
        Assert.Equal(0, warm);          // 50 calls within FreshFor: served from memory
        Assert.Equal(1, versionCheck);  // one small point read, shared by the next calls
        Assert.Equal(2, reload);        // version moved: version read + one partition query
        Assert.Equal("+441134960555", changed!.Numbers[number].Route.Steps[0].Destinations[0]);
    }

    [Fact]
    public async Task A_change_is_seen_at_once_on_the_writing_instance_and_after_the_fresh_window_on_another()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, _) = await TestAccounts.CreateAsync(documents);
        var local = factory.Services.GetRequiredService<ISnapshotProvider>();
        var time = new FakeTimeProvider();
        var remote = OtherInstance(time);
        Assert.Null((await local.GetAsync(account))!.Settings.Announcements.Closed);
        Assert.Null((await remote.GetAsync(account))!.Settings.Announcements.Closed);

        var settings = new AccountSettings { Name = "Changed", Announcements = new Announcements { Closed = "We are closed." } };
        await documents.PutAccountAsync(account, settings, null, TestAccounts.Actor, default);

        Assert.Equal("We are closed.", (await local.GetAsync(account))!.Settings.Announcements.Closed);
        Assert.Null((await remote.GetAsync(account))!.Settings.Announcements.Closed);
        time.Advance(new SnapshotOptions().FreshFor + TimeSpan.FromMilliseconds(1));
        Assert.Equal("We are closed.", (await remote.GetAsync(account))!.Settings.Announcements.Closed);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_version_check()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        var time = new FakeTimeProvider();
        var provider = OtherInstance(time);
        await provider.FindByCalledNumberAsync(number);
        time.Advance(TimeSpan.FromSeconds(2));
        using var trips = new StorageRoundTrips(account, number);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => provider.FindByCalledNumberAsync(number).AsTask()));

        Assert.All(results, Assert.NotNull);
        Assert.Equal(1, trips.Count);
    }

    [Fact]
    public async Task A_deleted_number_is_no_longer_found()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        var provider = factory.Services.GetRequiredService<ISnapshotProvider>();
        Assert.NotNull(await provider.FindByCalledNumberAsync(number));

        await documents.DeleteNumberAsync(account, number, null, TestAccounts.Actor, default);

        Assert.Null(await provider.FindByCalledNumberAsync(number));
    }
}
