using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Configuration;

/// <summary>What a screening rule (ACR, ICR, block list) does with a call it catches.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScreeningResponse>))]
public enum ScreeningResponse
{
    /// <summary>The rule is switched off: the call passes.</summary>
    [JsonStringEnumMemberName("off")] Off,
    /// <summary>Answer, play the account's announcement for the rule, hang up.</summary>
    [JsonStringEnumMemberName("announcement")] Announcement,
    /// <summary>Reject unanswered as busy: SIP 486, Twilio &lt;Reject reason="busy"&gt;, ACS reject busy.</summary>
    [JsonStringEnumMemberName("busy")] Busy,
    /// <summary>Reject unanswered as an unallocated number: SIP 404, Twilio &lt;Reject&gt;, ACS reject none.</summary>
    [JsonStringEnumMemberName("unallocated")] Unallocated,
}
