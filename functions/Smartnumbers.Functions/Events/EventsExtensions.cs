using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Events;

/// <summary>Registration of the outbox, its publisher and the PublishOutbox timer.</summary>
public static class EventsExtensions
{
    public static IServiceCollection AddEventOutbox(this IServiceCollection services)
    {
        services.AddOptions<EventGridOptions>()
            .BindConfiguration(EventGridOptions.Section)
            .Validate(o => !o.IsConfigured || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "EventGrid:Endpoint must be an absolute URI")
            .Validate(o => o.BatchSize is >= 1 and <= 100, "EventGrid:BatchSize must be 1–100")
            .ValidateOnStart();
        services.AddOutboxTable(OutboxTable.Default);
        services.AddSingleton<ICloudEventSender, EventGridCloudEventSender>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<IEventOutbox, TableEventOutbox>();
        services.AddSingleton<ITimerFunction, PublishOutboxTimer>();
        return services;
    }

    /// <summary>Registers (and creates) a table that may hold outbox rows written with <see cref="IEventOutbox.EnqueueActions"/>.</summary>
    public static IServiceCollection AddOutboxTable(this IServiceCollection services, string name)
    {
        services.AddTable(name);
        return services.AddSingleton(new OutboxTable(name));
    }
}
