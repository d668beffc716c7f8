using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Source-generated JSON of the stored configuration documents (camelCase, the §8 shapes). Storage reads skip members
/// they do not know (forward compatible); the admin API reads its input strictly through <see cref="Strict"/>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(AccountSettings))]
[JsonSerializable(typeof(NumberConfig))]
[JsonSerializable(typeof(DialPlan))]
[JsonSerializable(typeof(DialPlanState))]
[JsonSerializable(typeof(PersonalOverride))]
[JsonSerializable(typeof(Site))]
[JsonSerializable(typeof(StaffView))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(CallerListEntry))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext
{
    /// <summary>For storage and answers: '+' and other non-HTML-safe characters written as themselves, not \u escapes.</summary>
    public static ConfigJsonContext Web => field ??= new(CreateOptions(JsonUnmappedMemberHandling.Skip));

    /// <summary>The same contracts, rejecting unknown members: for operator input.</summary>
    public static ConfigJsonContext Strict => field ??= new(CreateOptions(JsonUnmappedMemberHandling.Disallow));

    /// <summary>The options of this context's instances (answers are JSON, never embedded in HTML).</summary>
    internal static JsonSerializerOptions CreateOptions(JsonUnmappedMemberHandling unmapped) => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = unmapped,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
