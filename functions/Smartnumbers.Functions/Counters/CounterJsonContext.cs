using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Counters;

/// <summary>Source-generated JSON for the counter rows saved on shutdown.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<SavedCounterRow>))]
internal sealed partial class CounterJsonContext : JsonSerializerContext;
