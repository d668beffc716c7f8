using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Accounts;

[Collection(AppCollection.Name)]
public sealed partial class SnapshotOutageTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public async Task When_storage_goes_down_the_last_known_snapshot_is_served_and_nothing_throws()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        var azuritePort = int.Parse(PortPattern().Match(Azurite.ConnectionString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var relay = new TcpRelay(azuritePort);
        var store = new TableStore(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionStringFor(relay.Port) }));
        var time = new FakeTimeProvider();
        var provider = new TableSnapshotProvider(
            new ConfigStore(store, time, NullLogger<ConfigStore>.Instance),
            new NumberIndex(store),
            Options.Create(new SnapshotOptions { CallPathBudget = TimeSpan.FromSeconds(30) }),
            time,
            NullLogger<TableSnapshotProvider>.Instance);
        Assert.NotNull(await provider.FindByCalledNumberAsync(number));

        relay.Cut();
        time.Advance(TimeSpan.FromSeconds(5));

        var served = await provider.FindByCalledNumberAsync(number);
        Assert.Equal(account, served?.AccountId);
        Assert.Equal(account, (await provider.GetAsync(account))?.AccountId);
        Assert.IsType<NumberLookup.CannotTell>(await provider.LookupAsync(TestAccounts.NewNumber(), TimeSpan.Zero));
    }

    [Fact]
    public async Task A_number_never_read_while_storage_is_down_is_cant_tell_never_not_ours()
    {
        var azuritePort = int.Parse(PortPattern().Match(Azurite.ConnectionString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var relay = new TcpRelay(azuritePort);
        var store = new TableStore(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionStringFor(relay.Port) }));
        var provider = new TableSnapshotProvider(
            new ConfigStore(store, TimeProvider.System, NullLogger<ConfigStore>.Instance),
            new NumberIndex(store),
            Options.Create(new SnapshotOptions()),
            TimeProvider.System,
            NullLogger<TableSnapshotProvider>.Instance);
        var (_, number) = await TestAccounts.CreateAsync(await TestAccounts.DocumentsAsync(factory));
        relay.Cut();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lookup = await provider.LookupAsync(number, TimeSpan.FromMilliseconds(500));

        Assert.IsType<NumberLookup.CannotTell>(lookup);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Null(await provider.FindByCalledNumberAsync(number));
    }

    [Fact]
    public async Task Numbers_no_account_has_are_forgotten_past_the_cap_and_owned_ones_kept()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        var store = factory.Services.GetRequiredService<TableStore>();
        var provider = new TableSnapshotProvider(
            new ConfigStore(store, TimeProvider.System, NullLogger<ConfigStore>.Instance),
            new NumberIndex(store),
            Options.Create(new SnapshotOptions { MaxCachedNumbers = 4 }),
            TimeProvider.System,
            NullLogger<TableSnapshotProvider>.Instance);
        Assert.IsType<NumberLookup.Owned>(await provider.LookupAsync(number, TimeSpan.FromSeconds(10)));

        for (var i = 0; i < 10; i++)
        {
            Assert.IsType<NumberLookup.NotOurs>(await provider.LookupAsync(TestAccounts.NewNumber(), TimeSpan.FromSeconds(10)));
        }

        Assert.InRange(provider.CachedNumbers, 1, 4);
        Assert.Equal(account, (Assert.IsType<NumberLookup.Owned>(await provider.LookupAsync(number, TimeSpan.Zero))).Snapshot.AccountId);
    }

    [GeneratedRegex(@"127\.0\.0\.1:(\d+)")]
    private static partial Regex PortPattern();
}
