using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Scheduling;

/// <summary>Registration of scheduled plan switches: the due index, the entries, and the FirePlanSchedules timer.</summary>
internal static class SchedulingApi
{
    /// <summary>The clock the schedules read (the app's <see cref="TimeProvider"/>; tests put a fake one here).</summary>
    public const string ClockKey = "schedules";

    public static IServiceCollection AddPlanSchedules(this IServiceCollection services)
    {
        services.AddTable(ScheduleDueIndex.TableName);
        services.TryAddKeyedSingleton<TimeProvider>(ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddSingleton<ScheduleDueIndex>();
        services.AddSingleton<PlanSchedules>();
        services.AddSingleton<FirePlanSchedulesTimer>();
        services.AddSingleton<ITimerFunction>(sp => sp.GetRequiredService<FirePlanSchedulesTimer>());
        return services;
    }
}
