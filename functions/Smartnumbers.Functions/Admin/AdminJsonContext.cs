using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Admin;

/// <summary>Source-generated JSON of the admin API's own request and answer shapes (strict on input).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LoadRequest))]
[JsonSerializable(typeof(StaffRequest))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
