using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Rest;
using Smartnumbers.Functions.Acs.Routing;
using Smartnumbers.Functions.Acs.Security;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Acs;

/// <summary>Registration of the ACS carrier adapter: Event Grid IncomingCall in, Call Automation REST out.</summary>
internal static class AcsApi
{
    public static IServiceCollection AddAcs(this IServiceCollection services)
    {
        services.AddOptions<AcsOptions>().BindConfiguration(AcsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AcsOptions>, AcsOptionsValidator>();
        services.AddCallAutomationClient();
        services.AddHttpClient(AcsJwks.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<EventGridDeliveryAuthenticator>();
        services.AddSingleton<CallbackAuthenticator>();
        services.AddSingleton<AcsCallStore>();
        services.AddSingleton<AcsEventLedger>();
        services.AddTransient<AcsIncomingCallProcessor>();
        services.AddTransient<AcsCallbackProcessor>();
        services.AddSingleton<AcsCallRecorder>();
        services.TryAddSingleton<IAcsCallRouter, DecidingAcsCallRouter>();
        services.AddCallRecords();
        services.AddAccountRiskModels();
        services.AddTable(AcsCallStore.TableName);
        services.AddTable(AcsEventLedger.TableName);
        services.AddSingleton<IHealthBlock, AcsHealthBlock>();
        services.AddHostedService<AcsStartupCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapAcsApi(this IEndpointRouteBuilder app)
    {
        app.MapAcsEndpoints();
        return app;
    }
}
