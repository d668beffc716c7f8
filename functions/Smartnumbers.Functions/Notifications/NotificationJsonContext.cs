using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Notifications;

/// <summary>Source-generated JSON for ACS Email and the notification payloads.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmailMessage))]
[JsonSerializable(typeof(EmailOperation))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(DivertCapData))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
