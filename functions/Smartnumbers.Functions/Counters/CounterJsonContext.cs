using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Counters;

/// <summary>Source-generated JSON for the counter rows saved on shutdown (a list per file) and dead-lettered (a row per line).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<SavedCounterRow>))]
[JsonSerializable(typeof(SavedCounterRow))]
internal sealed partial class CounterJsonContext : JsonSerializerContext;
