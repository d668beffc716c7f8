using Microsoft.Extensions.Options;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using CoreHistory = Smartnumbers.Core.Calls.CallerHistory;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// Decides an ACS call with the decision core: the account's snapshot by called number (last-known when storage is
/// down), the caller's velocity figures (bounded wait; none on failure), Assess → divert cap slot → Decide, then
/// renders the decision (<see cref="AcsDecisionRenderer"/>) and queues the call record. The fallback for failed ACS
/// requests is the number's normal route.
/// </summary>
public sealed class DecidingAcsCallRouter(
    ISnapshotProvider snapshots,
    ICallCounters counters,
    IDivertCap cap,
    CallRecordWriter records,
    IEnumerable<IAcsCallFlowHandler> flows,
    IOptions<AcsOptions> options,
    TimeProvider time,
    ILogger<DecidingAcsCallRouter> log) : IAcsCallRouter
{
    private static readonly TimeSpan HistoryBudget = TimeSpan.FromMilliseconds(1500);

    public async Task<AcsCallInstruction> RouteAsync(AcsIncomingCall call, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var snapshot = await snapshots.FindByCalledNumberAsync(call.CalledNumber, ct);
        if (snapshot is null)
        {
            AcsRoutingLog.UnknownNumber(log, call.EventId);
            return new AcsCallInstruction.Reject("none");
        }

        var inbound = InboundCall.Create(
            call.CorrelationId ?? call.ServerCallId ?? call.EventId,
            Carrier.Acs,
            call.CalledNumber,
            call.Caller.IsPhone ? call.Caller.Number ?? "anonymous" : call.Caller.RawId,
            now,
            carrierSaysAnonymous: call.Caller.Withheld,
            hints: call.SipHeaders);
        var history = await HistoryAsync(snapshot.AccountId, inbound, ct);
        var decider = CallDecider.Default;
        var assessment = decider.Assess(snapshot, inbound, history);
        var granted = assessment.DivertWanted && assessment.NumberKey is { } key
            && await cap.TryReserveDivertAsync(snapshot.AccountId, key, assessment.MaxDivertsPerHour, now, ct);
        var decision = decider.Decide(assessment, granted);

        TryRecord(CallStarted.For(AcsCallRecords.Started(snapshot.AccountId, inbound, decision)));
        var template = new AcsCallPlan { AccountId = snapshot.AccountId, RecordId = inbound.CallId, StartedAt = now };
        var instruction = AcsDecisionRenderer.Render(decision, template, !string.IsNullOrEmpty(options.Value.CallerId), flows.Any(f => f.Flow == AcsDecisionRenderer.IvrFlow));
        var normal = assessment.Number?.Route.Steps.SelectMany(s => s.Destinations).FirstOrDefault();
        return instruction with
        {
            FallbackDestination = decision.Action == DecisionAction.Connect ? normal : null,
            Count = new CallCount(snapshot.AccountId, assessment.CallerNumber, assessment.NumberKey ?? inbound.CalledNumber, inbound.Withheld, now),
            RecordId = inbound.CallId,
        };
    }

    private async Task<CoreHistory> HistoryAsync(string accountId, InboundCall call, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(HistoryBudget);
        try
        {
            var h = await counters.GetHistoryAsync(accountId, call.PresentationNumber, call.CalledNumber, call.ArrivedAt, budget.Token);
            return new CoreHistory
            {
                CallsFromCallerLastHour = h.CallsFromCallerThisHour,
                CallsFromCallerLastDay = h.CallsFromCallerToday,
                WithheldCallsToNumberLastHour = h.WithheldCallsToNumberThisHour,
                DistinctNumbersCalledToday = h.DistinctNumbersCalledToday,
                PriorFraudLabels = h.PriorFraudLabels,
                PriorGenuineLabels = h.PriorGenuineLabels,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            AcsRoutingLog.HistoryUnavailable(log, ex.GetType().Name);
            return CoreHistory.Empty;
        }
    }

    private void TryRecord(CallEvent e)
    {
        try
        {
            records.Enqueue(e);
        }
        catch (IOException ex)
        {
            AcsRoutingLog.RecordFailed(log, e.CallId, ex.Message);
        }
    }
}
