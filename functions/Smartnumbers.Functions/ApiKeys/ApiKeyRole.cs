using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.ApiKeys;

/// <summary>What an API key may do within its account; each role includes the ones below it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiKeyRole>))]
public enum ApiKeyRole
{
    /// <summary>Reads everything except the key list.</summary>
    [JsonStringEnumMemberName("viewer")] Viewer,
    /// <summary>Also switches routing: dial plans (store, import, load, activate), overrides, block/allow lists.</summary>
    [JsonStringEnumMemberName("operator")] Operator,
    /// <summary>Everything in the account: account settings, numbers, sites, staff, keys.</summary>
    [JsonStringEnumMemberName("admin")] Admin,
}
