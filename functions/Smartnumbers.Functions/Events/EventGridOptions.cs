namespace Smartnumbers.Functions.Events;

/// <summary>The Event Grid topic (settings <c>EventGrid__Endpoint</c>, <c>EventGrid__Key</c>).</summary>
public sealed class EventGridOptions
{
    public const string Section = "EventGrid";

    /// <summary>Topic endpoint, e.g. https://topic.region-1.eventgrid.azure.net/api/events. None: events stay in the outbox.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Topic access key (sent as <c>aeg-sas-key</c>); none: managed identity (DefaultAzureCredential).</summary>
    public string? Key { get; set; }

    /// <summary>Events per publish request (1–100; default 50).</summary>
    public int BatchSize { get; set; } = 50;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
