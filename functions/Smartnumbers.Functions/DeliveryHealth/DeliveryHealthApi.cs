using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartnumbers.Functions.DeliveryHealth.Failover;
using Smartnumbers.Functions.DeliveryHealth.Probes;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// Registration of the DeliveryHealth area: probers, the site-health store and reader, the ProbeDeliveryHealth timer,
/// and the event outbox (with its PublishOutbox timer) that every area publishes through.
/// The ports <see cref="ISiteCatalog"/>, <see cref="IDialPlanSwitch"/> and <see cref="IDestinationOutcomes"/> default to
/// implementations over the configuration and call-record tables unless another area registered its own (TryAdd).
/// Needs AddAdminApi (configuration tables) and AddTwilio/AddAcs (call records) registered too, as Program.cs does.
/// </summary>
internal static class DeliveryHealthApi
{
    public static IServiceCollection AddDeliveryHealth(this IServiceCollection services)
    {
        services.AddOptions<DeliveryHealthOptions>()
            .BindConfiguration(DeliveryHealthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddEventOutbox();
        services.AddOutboxTable(SiteHealthStore.TableName);
        services.AddHttpClient(HttpProber.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddSingleton<HttpProber>();
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<SiteHealthStore>();
        services.AddSingleton<ISiteHealthReader>(sp => sp.GetRequiredService<SiteHealthStore>());
        services.AddSingleton<SiteHealthRound>();
        services.AddSingleton<ProbeDeliveryHealthTimer>();
        services.AddSingleton<ITimerFunction>(sp => sp.GetRequiredService<ProbeDeliveryHealthTimer>());
        services.AddSingleton<SiteStateMirror>();
        services.TryAddSingleton<ISiteCatalog, ConfigSiteCatalog>();
        services.TryAddSingleton<IDialPlanSwitch, RoutingControlPlanSwitch>();
        services.TryAddSingleton<IDestinationOutcomes, CallRecordDestinationOutcomes>();
        return services;
    }

    /// <summary>Nothing to map: the timers are served by the hosting area, site health by the admin API through <see cref="ISiteHealthReader"/>.</summary>
    public static IEndpointRouteBuilder MapDeliveryHealth(this IEndpointRouteBuilder app) => app;
}
