using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Calls;

/// <summary>What the carrier told us about the caller's identity.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallerIdStatus>))]
public enum CallerIdStatus
{
    /// <summary>A caller ID was presented (it may still be invalid: that is ICR's business).</summary>
    [JsonStringEnumMemberName("presented")] Presented,
    /// <summary>The caller chose privacy: "anonymous", "Restricted", "private", "blocked", ACS isAnonymous.</summary>
    [JsonStringEnumMemberName("withheld")] Withheld,
    /// <summary>No caller ID reached us: empty, "unknown", "unavailable". ACR and ICR ("missing") both catch it.</summary>
    [JsonStringEnumMemberName("unavailable")] Unavailable,
}
