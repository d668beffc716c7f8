using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Accounts;

/// <summary>Registration of the configuration tables, the call path's snapshots, and the call counters (which register themselves).</summary>
internal static class AccountStorage
{
    public static IServiceCollection AddAccountStorage(this IServiceCollection services)
    {
        services.AddOutboxTable(ConfigRows.Table); // Routing changes write their CloudEvents in their own transaction.
        services.AddTable(ConfigRows.NumberIndexTable);
        services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.Section);
        services.AddSingleton<ConfigStore>();
        services.AddSingleton<NumberIndex>();
        services.AddSingleton<ConfigDocuments>();
        services.AddSingleton<IRoutingControl, RoutingControl>();
        services.AddSingleton<TableSnapshotProvider>();
        services.AddSingleton<ISnapshotProvider>(sp => sp.GetRequiredService<TableSnapshotProvider>());
        services.AddCallCounters();
        return services;
    }
}
