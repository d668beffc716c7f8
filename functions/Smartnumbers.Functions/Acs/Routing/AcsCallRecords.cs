using System.Globalization;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>Call records of ACS calls, in the carrier-neutral shape.</summary>
public static class AcsCallRecords
{
    public const string Carrier = "acs";

    public static CallRecord Started(string accountId, InboundCall call, RoutingDecision decision) => new()
    {
        CallId = call.CallId,
        Carrier = Carrier,
        AccountId = accountId,
        CalledNumber = call.CalledNumber,
        PresentationNumber = call.Withheld ? "anonymous" : call.PresentationNumber ?? call.RawFrom,
        NetworkNumber = call.NetworkNumber,
        Withheld = call.Withheld,
        StartedAt = call.ArrivedAt,
        Risk = decision.Risk.Scored
            ? new CallRiskSummary
            {
                Score = decision.Risk.Score,
                Tags = decision.Risk.Tags,
                Attributes = decision.Risk.Attributes.ToDictionary(a => a.Key, a => a.Value.ToString(CultureInfo.InvariantCulture)),
                Top = decision.Risk.Top.Select(t => new CallRiskContribution(t.Attribute, t.Weight)).ToList(),
            }
            : null,
        Decision = new CallDecisionSummary
        {
            Action = decision.Action == DecisionAction.Reject ? "reject" : "connect",
            RejectMode = decision.RejectMode?.ToString().ToLowerInvariant(),
            Reason = decision.Reason,
            Source = decision.Source?.ToString().ToLowerInvariant(),
            Steps = decision.Steps.Select(s => new CallRouteStep(s.Destinations, s.RingSeconds)).ToList(),
            Announcement = decision.Announcement,
        },
    };

    /// <summary>Carrier-neutral status of a failed AddParticipant from its result code (SIP-like).</summary>
    public static string FailedLegStatus(int? code) => code switch
    {
        486 or 600 => "busy",
        408 or 480 => "no-answer",
        487 => "canceled",
        _ => "failed",
    };
}
