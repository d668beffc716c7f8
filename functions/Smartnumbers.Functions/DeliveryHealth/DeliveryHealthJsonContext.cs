using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.DeliveryHealth;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SiteEventData))]
[JsonSerializable(typeof(Failover.PlanSwitchEventData))]
internal sealed partial class DeliveryHealthJsonContext : JsonSerializerContext;
