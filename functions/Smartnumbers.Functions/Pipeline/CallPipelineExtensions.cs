using Microsoft.Extensions.Options;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;

namespace Smartnumbers.Functions.Pipeline;

/// <summary>Registration of the call pipeline that both carriers and the simulator use.</summary>
internal static class CallPipelineExtensions
{
    public static IServiceCollection AddCallPipeline(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CallPipeline)))
        {
            return services;
        }

        services.AddOptions<CallPipelineOptions>().BindConfiguration(CallPipelineOptions.Section).ValidateOnStart();
        services.AddOptions<EmergencyRouteOptions>().BindConfiguration(EmergencyRouteOptions.Section).ValidateOnStart();
        services.AddSingleton<CallPipelineOptionsValidator>();
        services.AddSingleton<IValidateOptions<CallPipelineOptions>>(sp => sp.GetRequiredService<CallPipelineOptionsValidator>());
        services.AddSingleton<IValidateOptions<EmergencyRouteOptions>>(sp => sp.GetRequiredService<CallPipelineOptionsValidator>());
        services.AddCallRecords();
        services.AddAccountRiskModels();
        services.AddSingleton<CallPipeline>();
        return services;
    }
}
