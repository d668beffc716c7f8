using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>Source-generated JSON for the data of the call events.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CallBlockedData))]
[JsonSerializable(typeof(CallHighRiskData))]
internal sealed partial class CallNotificationJsonContext : JsonSerializerContext;
