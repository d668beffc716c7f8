using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Decisions;

/// <summary>How a rejected call is refused.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RejectMode>))]
public enum RejectMode
{
    /// <summary>Answer, play <see cref="RoutingDecision.Announcement"/>, hang up.</summary>
    [JsonStringEnumMemberName("announcement")] Announcement,
    /// <summary>Unanswered, busy: SIP 486 / Twilio &lt;Reject reason="busy"&gt; / ACS reject busy.</summary>
    [JsonStringEnumMemberName("busy")] Busy,
    /// <summary>Unanswered, unallocated number: SIP 404 / Twilio &lt;Reject&gt; / ACS reject none.</summary>
    [JsonStringEnumMemberName("unallocated")] Unallocated,
}
