using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// What the call still needs once the first &lt;Dial&gt; is sent: the decided route's steps, the closing announcement
/// for when every step fails, and the risk figures passed to SIP destinations. Carried, signed, in the action URL so
/// that failover needs no storage and no second decision.
/// </summary>
public sealed record DialSequence
{
    public required IReadOnlyList<RouteStep> Steps { get; init; }
    /// <summary>Said after the last step fails, before hanging up; null: hang up.</summary>
    public string? Closing { get; init; }
    public int? RiskScore { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>
    /// The sequence of a connect decision: its steps, closing words, and its score and tags only when the decision says
    /// to tell the agent (the fraud policy's notifyAgent, for a flagged call), as ACS does.
    /// </summary>
    public static DialSequence From(RoutingDecision decision)
    {
        var notify = decision.NotifyAgent && decision.Risk.Scored;
        return new()
        {
            Steps = decision.Steps,
            Closing = decision.ClosingAnnouncement,
            RiskScore = notify ? decision.Risk.Score : null,
            Tags = notify && decision.Risk.Tags.Count > 0 ? decision.Risk.Tags : null,
        };
    }
}
