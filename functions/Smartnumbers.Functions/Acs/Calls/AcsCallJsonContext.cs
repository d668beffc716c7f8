using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>Source-generated JSON for the stored per-call state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AcsCallState))]
internal sealed partial class AcsCallJsonContext : JsonSerializerContext;
