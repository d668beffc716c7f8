using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>Registration of call records: the store, the background writer and their tables.</summary>
internal static class CallRecordsExtensions
{
    public static IServiceCollection AddCallRecords(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(CallRecordWriter)))
        {
            return services; // Both carrier adapters call this.
        }

        services.AddOptions<CallRecordOptions>().BindConfiguration(CallRecordOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The host waits for the writer's shutdown: its grace period, then the spill and the counters' save.
        services.AddOptions<HostOptions>().Configure<IOptions<CallRecordOptions>>((host, records) =>
        {
            var needed = TimeSpan.FromSeconds(records.Value.ShutdownFlushSeconds + 10);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        services.AddTable(CallRecordStore.RecordsTable);
        services.AddTable(CallRecordStore.OutcomesTable);
        services.AddTable(CallHourRollups.Table);
        services.AddSingleton<CallHourRollups>();
        services.AddSingleton<CallRecordStore>();
        services.AddSingleton(sp => new CallRecordWriter(
            sp.GetRequiredService<CallRecordStore>(),
            sp.GetRequiredService<IOptions<CallRecordOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallRecordWriter>>(),
            sp.GetService<CounterFlusher>()));
        services.AddSingleton<IWriteBacklog>(sp => sp.GetRequiredService<CallRecordWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<CallRecordWriter>());
        return services;
    }
}
