using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Accounts;

/// <summary>Source-generated JSON for the data of the routing-change events.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PlanChangedData))]
[JsonSerializable(typeof(OverrideSetData))]
internal sealed partial class RoutingEventJsonContext : JsonSerializerContext;
