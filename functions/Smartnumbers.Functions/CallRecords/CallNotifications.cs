using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// The CloudEvents a decided call raises: <c>Smartnumbers.Call.Blocked</c> for a call rejected by screening,
/// <c>Smartnumbers.Call.HighRisk</c> for a high-risk call (the pre-answer notification for the fraud team). Ids are
/// stable per call, so the writer's retries and retried webhooks publish each at most once per id.
/// </summary>
public static class CallNotifications
{
    public static IReadOnlyList<OutboxEvent> For(CallRecord record)
    {
        if (record.Decision is not { } decision)
        {
            return [];
        }

        var events = new List<OutboxEvent>(1);
        var path = "numbers/" + record.CalledNumber;
        if (decision.Action == "reject")
        {
            var data = new CallBlockedData(record.CallId, record.Carrier, record.CalledNumber, record.PresentationNumber,
                record.Withheld, decision.RejectMode, decision.Reason, record.StartedAt);
            events.Add(OutboxEvent.Create("call-blocked:" + record.CallId, SmartnumbersEventTypes.CallBlocked, record.AccountId, path,
                record.StartedAt, data, CallNotificationJsonContext.Default.CallBlockedData));
        }
        else if (decision.HighRisk)
        {
            var risk = record.Risk ?? new CallRiskSummary();
            var data = new CallHighRiskData(record.CallId, record.Carrier, record.CalledNumber, record.PresentationNumber,
                risk.Score, risk.Tags, risk.Top, decision.Source == "fraud", decision.FraudCapReached,
                decision.Steps.SelectMany(s => s.Destinations).FirstOrDefault(), record.StartedAt);
            events.Add(OutboxEvent.Create("call-highrisk:" + record.CallId, SmartnumbersEventTypes.CallHighRisk, record.AccountId, path,
                record.StartedAt, data, CallNotificationJsonContext.Default.CallHighRiskData));
        }

        return events;
    }
}
