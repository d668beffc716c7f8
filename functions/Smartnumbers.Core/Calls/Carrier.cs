using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Calls;

/// <summary>The carrier that delivered a call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Carrier>))]
public enum Carrier
{
    /// <summary>Twilio Programmable Voice webhook.</summary>
    [JsonStringEnumMemberName("twilio")] Twilio,
    /// <summary>Azure Communication Services IncomingCall event.</summary>
    [JsonStringEnumMemberName("acs")] Acs,
}
