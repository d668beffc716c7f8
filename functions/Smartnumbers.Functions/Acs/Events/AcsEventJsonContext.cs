using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Acs.Events;

/// <summary>Source-generated JSON for Event Grid deliveries and ACS callbacks (case-insensitive reads).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IncomingCallEventData))]
[JsonSerializable(typeof(SubscriptionValidationEventData))]
[JsonSerializable(typeof(SubscriptionValidationResponse))]
internal sealed partial class AcsEventJsonContext : JsonSerializerContext;
