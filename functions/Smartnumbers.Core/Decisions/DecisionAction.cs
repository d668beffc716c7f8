using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Decisions;

/// <summary>What happens to the call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionAction>))]
public enum DecisionAction
{
    /// <summary>Refuse the call; see <see cref="RoutingDecision.RejectMode"/>.</summary>
    [JsonStringEnumMemberName("reject")] Reject,
    /// <summary>Ring the route's steps in order.</summary>
    [JsonStringEnumMemberName("connect")] Connect,
}
