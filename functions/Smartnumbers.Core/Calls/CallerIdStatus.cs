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
    /// <summary>
    /// No caller ID reached us and the carrier did not flag privacy: empty, "unknown", "unavailable". ICR rejects it as
    /// "missing" (checked before ACR for such a call); with ICR off, ACR catches it.
    /// </summary>
    [JsonStringEnumMemberName("unavailable")] Unavailable,
}
