using System.Text.Json;

namespace Smartnumbers.Functions.Acs.Events;

/// <summary>One event of a delivery, in either schema: Event Grid (<c>eventType</c>) or CloudEvents 1.0 (<c>type</c>).</summary>
/// <param name="Data">Valid while the delivery's JsonDocument lives.</param>
public sealed record EventEnvelope(string Id, string Type, JsonElement Data, bool IsCloudEvent)
{
    public const string IncomingCall = "Microsoft.Communication.IncomingCall";
    public const string SubscriptionValidation = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>Every event of a delivery: an array (Event Grid, batched CloudEvents) or a single CloudEvent object.</summary>
    public static IReadOnlyList<EventEnvelope> ParseAll(JsonElement root)
    {
        var list = new List<EventEnvelope>();
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                if (Parse(item) is { } e)
                {
                    list.Add(e);
                }
            }
        }
        else if (Parse(root) is { } single)
        {
            list.Add(single);
        }

        return list;
    }

    private static EventEnvelope? Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var cloud = item.TryGetProperty("specversion", out _);
        var type = Text(item, cloud ? "type" : "eventType");
        var id = Text(item, "id") ?? "";
        var data = item.TryGetProperty("data", out var d) ? d : default;
        return type is null ? null : new EventEnvelope(id, type, data, cloud);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
