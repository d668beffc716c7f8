using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>Source-generated JSON for call records: the JSON-valued table properties and the spill files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CallEvent))]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(CallRiskSummary))]
[JsonSerializable(typeof(IReadOnlyList<CallRouteStep>))]
[JsonSerializable(typeof(CallStepOutcome))]
internal sealed partial class CallRecordJsonContext : JsonSerializerContext;
