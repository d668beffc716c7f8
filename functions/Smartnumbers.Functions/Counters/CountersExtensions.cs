using Microsoft.Extensions.Options;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary>Registration of the call counters: count a call, read a caller's history, reserve a divert, and their housekeeping.</summary>
internal static class CountersExtensions
{
    public static IServiceCollection AddCallCounters(this IServiceCollection services)
    {
        services.AddTable(CounterKeys.Table);
        services.AddSingleton<CounterShard>();
        services.AddSingleton<CounterRowWriter>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CallRecordOptions>>().Value;
            return new CounterFlusher(
                sp.GetRequiredService<CounterShard>(),
                sp.GetRequiredService<CounterRowWriter>(),
                options.AccountFolder(sp.GetRequiredService<TableStore>().AccountTag),
                TimeSpan.FromMilliseconds(options.CounterFlushMilliseconds),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<CounterFlusher>>());
        });
        services.AddSingleton<ICallerHistory, CallerHistoryReader>();
        services.AddSingleton<CallerHistoryCache>(); // The call path's velocity figures, for both carriers.
        services.AddSingleton<IDivertCap, TableDivertCap>();
        services.AddSingleton<CallerLabelCounts>();
        services.AddSingleton<CounterPurge>();
        services.AddSingleton<ITimerFunction, PurgeCountersTimer>();
        return services;
    }
}
