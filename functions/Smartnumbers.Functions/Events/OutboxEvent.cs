using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Smartnumbers.Functions.Events;

/// <summary>
/// One CloudEvent waiting in the outbox. <see cref="Id"/> must be stable (derived from what happened, e.g.
/// "call-blocked:{callSid}"), so a retried write or a re-delivery carries the same id and consumers can deduplicate.
/// </summary>
/// <param name="Subject">"/accounts/{account}/…", e.g. "/accounts/northwind/sites/leeds".</param>
/// <param name="DataJson">The event's data as a JSON object (≤ 32 KB).</param>
public sealed record OutboxEvent(string Id, string Type, string AccountId, string Subject, DateTimeOffset Time, string DataJson)
{
    public const int MaxDataChars = 32 * 1024;

    /// <summary>Builds an event whose subject is <c>/accounts/{accountId}/{path}</c>, serialising <paramref name="data"/> with source-generated metadata.</summary>
    public static OutboxEvent Create<T>(string id, string type, string accountId, string path, DateTimeOffset time, T data, JsonTypeInfo<T> dataType)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var json = JsonSerializer.Serialize(data, dataType);
        if (json.Length > MaxDataChars)
        {
            throw new ArgumentException($"Event data is {json.Length} chars; the outbox takes at most {MaxDataChars}", nameof(data));
        }

        var subject = $"/accounts/{Uri.EscapeDataString(accountId)}" + (string.IsNullOrEmpty(path) ? "" : "/" + path.TrimStart('/'));
        return new OutboxEvent(id, type, accountId, subject, time, json);
    }
}
