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
        services.AddTable(CallRecordStore.RecordsTable);
        services.AddTable(CallRecordStore.OutcomesTable);
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
