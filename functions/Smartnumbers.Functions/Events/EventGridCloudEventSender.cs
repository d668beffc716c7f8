using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Events;

/// <summary>Publishes CloudEvents 1.0 with <see cref="EventGridPublisherClient"/> (key or managed identity), with retries.</summary>
internal sealed class EventGridCloudEventSender : ICloudEventSender
{
    private readonly EventGridPublisherClient? _client;

    public EventGridCloudEventSender(IOptions<EventGridOptions> options)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return;
        }

        var clientOptions = new EventGridPublisherClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var endpoint = new Uri(o.Endpoint!);
        _client = string.IsNullOrEmpty(o.Key)
            ? new EventGridPublisherClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new EventGridPublisherClient(endpoint, new AzureKeyCredential(o.Key), clientOptions);
    }

    public bool IsConfigured => _client is not null;

    public async Task SendAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            throw new InvalidOperationException("EventGrid:Endpoint is not configured");
        }

        var cloudEvents = events.Select(ToCloudEvent).ToList();
        await _client.SendEventsAsync(cloudEvents, cancellationToken);
    }

    private static CloudEvent ToCloudEvent(OutboxEvent e) =>
        new(SmartnumbersEventTypes.Source, e.Type, BinaryData.FromString(e.DataJson), "application/json", CloudEventDataFormat.Json)
        {
            Id = e.Id,
            Subject = e.Subject,
            Time = e.Time,
        };
}
