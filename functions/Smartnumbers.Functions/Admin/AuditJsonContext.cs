using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Admin;

/// <summary>Source-generated JSON of the audit pages.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AuditPage))]
internal sealed partial class AuditJsonContext : JsonSerializerContext
{
    /// <summary>Writes '+' as itself (answers are JSON, never embedded in HTML).</summary>
    public static AuditJsonContext Web => field ??= new(Smartnumbers.Functions.Accounts.ConfigJsonContext.CreateOptions(JsonUnmappedMemberHandling.Disallow));
}
