using System.Text.Json;
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
[JsonSerializable(typeof(StaffMember))]
[JsonSerializable(typeof(CallerListEntry))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext
{
    /// <summary>The same contracts, rejecting unknown members: for operator input.</summary>
    public static ConfigJsonContext Strict => field ??= new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    });
}
