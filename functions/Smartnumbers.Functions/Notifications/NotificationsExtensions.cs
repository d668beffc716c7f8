using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Acs;
using Smartnumbers.Functions.Acs.Rest;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Notifications;

/// <summary>Registration of notifications: the outbox (riding with the CloudEvents), ACS Email, the webhook, the timers and the health block.</summary>
public static class NotificationsExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddSingleton<TableNotificationOutbox>();
        services.AddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<TableNotificationOutbox>());
        services.AddSingleton<IOutboxCompanion>(sp => sp.GetRequiredService<TableNotificationOutbox>());
        services.AddSingleton<NotificationHealth>();
        services.AddSingleton<IHealthBlock>(sp => sp.GetRequiredService<NotificationHealth>());
        services.AddSingleton<NotificationDeliverer>();
        services.AddSingleton<DivertCapNotices>();
        services.AddSingleton<ITimerFunction, DeliverNotificationsTimer>();
        services.AddSingleton<ITimerFunction, SendDigestsTimer>();

        services.AddHttpClient<AcsEmailClient>(AcsEmailClient.HttpClientName, (sp, http) =>
            {
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.RequestTimeoutSeconds);
                if (AcsHttpClientSetup.BaseAddress(sp.GetRequiredService<IOptions<AcsOptions>>().Value) is { } baseAddress)
                {
                    http.BaseAddress = baseAddress;
                }
            })
            .AddHttpMessageHandler(AcsHttpClientSetup.AuthenticationHandler);
        services.AddHttpClient<WebhookSender>(WebhookSender.HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.RequestTimeoutSeconds));
        return services;
    }
}
