using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Source-generated JSON of the calls endpoints: camelCase, nulls omitted, unknown members rejected on input (the
/// request records have no required members, so absent members keep their defaults). <see cref="Api"/> also writes
/// '+' as itself.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SimulateRequest))]
[JsonSerializable(typeof(SimulateResponse))]
[JsonSerializable(typeof(LabelRequest))]
[JsonSerializable(typeof(LabelResponse))]
[JsonSerializable(typeof(CallPage))]
[JsonSerializable(typeof(CallSummary))]
[JsonSerializable(typeof(HourFigures))]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
internal sealed partial class CallsJsonContext : JsonSerializerContext
{
    public static CallsJsonContext Api { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
