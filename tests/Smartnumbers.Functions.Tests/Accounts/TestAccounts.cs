using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Accounts;

/// <summary>Creates accounts and numbers of one test directly through the storage layer.</summary>
public static class TestAccounts
{
    internal static readonly AuditActor Actor = new("test", "admin", AuditActor.Api);

    /// <summary>A random valid UK mobile number, unique enough that parallel tests never share one.</summary>
    public static string NewNumber() => "+4477" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Route RouteTo(string destination, int ringSeconds = 20) =>
        new() { Steps = [new RouteStep { Destinations = [destination], RingSeconds = ringSeconds }] };

    internal static async Task<ConfigDocuments> DocumentsAsync(SmartnumbersAppFactory factory)
    {
        _ = factory.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(timeout.Token);
        return factory.Services.GetRequiredService<ConfigDocuments>();
    }

    /// <summary>A new account with one number routed to <paramref name="destination"/>; returns (account, number).</summary>
    internal static async Task<(string Account, string Number)> CreateAsync(ConfigDocuments documents, string destination = "+441134960000")
    {
        var account = SmartnumbersAppFactory.NewAccountId();
        var number = NewNumber();
        var created = await documents.PutAccountAsync(account, new AccountSettings { Name = "Test " + account }, null, Actor, default);
        Assert.Equal(WriteOutcome.Done, created.Outcome);
        var put = await documents.PutNumberAsync(account, number, new NumberConfig { Route = RouteTo(destination) }, null, Actor, default);
        Assert.Equal(WriteOutcome.Done, put.Outcome);
        return (account, number);
    }
}
