using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Models;
using Smartnumbers.Functions.Pipeline;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Registration of the calls area of the admin API (simulate, list and Call DNA report, labels, model refit, summary)
/// and of <see cref="AccountRiskModels"/>, which the carrier adapters also use to score with each account's model.
/// </summary>
internal static class CallsApi
{
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddCallPipeline();
        services.AddTable(CallLabels.Table);
        services.TryAddSingleton<CallLabels>();
        services.TryAddSingleton<CallAudit>();
        services.TryAddSingleton<CallSimulator>();
        services.TryAddSingleton<CallSummaryReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITimerFunction, RollUpCallHoursTimer>());
        services.AddModels();
        return services;
    }

    /// <summary>The per-account model lookup and its table (idempotent: the adapters call it too).</summary>
    public static IServiceCollection AddAccountRiskModels(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(AccountRiskModels)))
        {
            return services;
        }

        services.AddTable(AccountRiskModels.LegacyTable);
        services.AddSingleton<AccountRiskModels>();
        return services;
    }

    public static void Map(RouteGroupBuilder group)
    {
        CallEndpoints.Map(group);
        ModelEndpoints.Map(group);
        ReportEndpoints.Map(group);
    }
}
