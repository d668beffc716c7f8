using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Models;

/// <summary>Registration of the model governance area: refit into a candidate, promote, roll back, history; the nightly refit timer.</summary>
internal static class ModelsApi
{
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        services.AddOptions<RiskModelOptions>().BindConfiguration(RiskModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ModelStore>();
        services.TryAddSingleton<ModelRefit>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITimerFunction, RefitModelsTimer>());
        return services;
    }
}
