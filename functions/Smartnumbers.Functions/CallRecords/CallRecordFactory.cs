using System.Text.Json;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>Builds the carrier-neutral records of a decided call (used by the Twilio and ACS adapters).</summary>
public static class CallRecordFactory
{
    /// <summary>The record of <paramref name="call"/> as decided by <paramref name="decision"/>.</summary>
    public static CallRecord From(InboundCall call, string accountId, RoutingDecision decision) => new()
    {
        CallId = call.CallId,
        Carrier = CarrierName(call.Carrier),
        AccountId = accountId,
        CalledNumber = call.CalledNumber,
        PresentationNumber = call.Withheld ? (call.RawFrom is { Length: > 0 } raw ? raw : "anonymous") : call.PresentationNumber ?? call.RawFrom,
        NetworkNumber = call.NetworkNumber,
        Withheld = call.Withheld,
        StartedAt = call.ArrivedAt,
        Risk = new CallRiskSummary
        {
            Score = decision.Risk.Score,
            ShadowScore = decision.Risk.ShadowScore,
            Tags = decision.Risk.Tags,
            Attributes = decision.Risk.Attributes,
            Top = decision.Risk.Top.Select(t => new CallRiskContribution(t.Attribute, t.Weight)).ToList(),
        },
        Decision = new CallDecisionSummary
        {
            Action = Name(decision.Action),
            RejectMode = decision.RejectMode is { } mode ? Name(mode) : null,
            Reason = decision.Reason,
            Source = decision.Source is { } source ? Name(source) : null,
            Steps = decision.Steps.Select(s => new CallRouteStep(s.Destinations, s.RingSeconds)).ToList(),
            Announcement = decision.Announcement,
            HighRisk = decision.Source == RouteSource.Fraud || decision.Flagged,
            FraudCapReached = decision.FraudCapReached,
        },
    };

    /// <summary>The call to count in the velocity counters.</summary>
    public static CallCounted Counted(InboundCall call, string accountId, string? callerNumber, string calledKey) => new()
    {
        CallId = call.CallId,
        At = call.ArrivedAt,
        AccountId = accountId,
        Caller = callerNumber,
        CalledNumber = calledKey,
        Withheld = call.Withheld,
    };

    public static string CarrierName(Carrier carrier) => Name(carrier);

    /// <summary>An enum's JSON name (the core's enums carry their wire names).</summary>
    private static string Name<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');
}
