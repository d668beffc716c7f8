using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.ApiKeys;

/// <summary>Source-generated JSON of the key resources.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ApiKeyInfo))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeyInfo>))]
[JsonSerializable(typeof(NewApiKey))]
[JsonSerializable(typeof(IssuedApiKey))]
[JsonSerializable(typeof(CallerInfo))]
internal sealed partial class AdminKeyJsonContext : JsonSerializerContext
{
    /// <summary>Writes '+' as itself (answers are JSON, never embedded in HTML).</summary>
    public static AdminKeyJsonContext Web => field ??= new(Smartnumbers.Functions.Accounts.ConfigJsonContext.CreateOptions(JsonUnmappedMemberHandling.Disallow));
}
