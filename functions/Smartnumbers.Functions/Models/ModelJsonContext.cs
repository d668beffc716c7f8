using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// Source-generated JSON of the model endpoints and rows: camelCase, nulls omitted. <see cref="Requests"/> rejects
/// unknown members on admin input; stored rows and answers are read and written with <see cref="Default"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Core.Risk.ModelRegistry))]
[JsonSerializable(typeof(StoredModel))]
[JsonSerializable(typeof(RefitResponse))]
[JsonSerializable(typeof(ModelStatus))]
[JsonSerializable(typeof(ModelHistory))]
[JsonSerializable(typeof(PromoteRequest))]
[JsonSerializable(typeof(RollbackRequest))]
[JsonSerializable(typeof(ModelEventData))]
internal sealed partial class ModelJsonContext : JsonSerializerContext
{
    public static ModelJsonContext Requests { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    });
}
