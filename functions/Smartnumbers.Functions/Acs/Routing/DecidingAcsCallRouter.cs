using Microsoft.Extensions.Options;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// Decides an ACS call with the decision core: the account's snapshot by called number (last-known when storage is
/// down), the caller's velocity figures (<see cref="CallerHistoryCache"/>, shared with Twilio; bounded wait), Assess →
/// divert cap slot (bounded; a slow cap routes normally) → Decide, then renders the decision
/// (<see cref="AcsDecisionRenderer"/>) and queues the call record and its count (<see cref="CallRecordFactory"/>).
/// The fallback for failed ACS requests is the number's normal route.
/// </summary>
public sealed class DecidingAcsCallRouter(
    ISnapshotProvider snapshots,
    CallerHistoryCache history,
    IDivertCap cap,
    CallRecordWriter records,
    AccountRiskModels models,
    IEnumerable<IAcsCallFlowHandler> flows,
    IOptions<AcsOptions> options,
    TimeProvider time,
    ILogger<DecidingAcsCallRouter> log) : IAcsCallRouter
{
    /// <summary>Bound on each storage read before the decision (velocity figures, divert cap slot).</summary>
    public static readonly TimeSpan StorageBudget = TimeSpan.FromMilliseconds(1500);

    public async Task<AcsCallInstruction> RouteAsync(AcsIncomingCall call, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var snapshot = await snapshots.FindByCalledNumberAsync(call.CalledNumber, ct);
        if (snapshot is null)
        {
            AcsRoutingLog.UnknownNumber(log, call.EventId);
            return new AcsCallInstruction.Reject("none");
        }

        var account = snapshot.AccountId;
        var inbound = InboundCall.Create(
            call.CorrelationId ?? call.ServerCallId ?? call.EventId,
            Carrier.Acs,
            call.CalledNumber,
            call.Caller.IsPhone ? call.Caller.Number ?? "anonymous" : call.Caller.RawId,
            now,
            carrierSaysAnonymous: call.Caller.Withheld,
            hints: call.SipHeaders);
        var caller = inbound.Withheld ? null : inbound.PresentationNumber ?? inbound.NetworkNumber;
        var figures = await history.GetAsync(account, caller, inbound.CalledNumber, StorageBudget, ct);
        var decider = await models.GetAsync(account, ct);
        var assessment = decider.Assess(snapshot, inbound, figures);
        var granted = assessment.DivertWanted && await ReserveDivertAsync(assessment, now, ct);
        var decision = decider.Decide(assessment, granted);

        Record(CallStarted.For(CallRecordFactory.From(inbound, account, decision)));
        if (assessment.NumberKey is { } key)
        {
            Record(CallRecordFactory.Counted(inbound, account, assessment.CallerNumber, key));
        }

        var template = new AcsCallPlan { AccountId = account, RecordId = inbound.CallId, StartedAt = now };
        var instruction = AcsDecisionRenderer.Render(decision, template, !string.IsNullOrEmpty(options.Value.CallerId), flows.Any(f => f.Flow == AcsDecisionRenderer.IvrFlow));
        return instruction with
        {
            FallbackDestination = decision.Action == DecisionAction.Connect ? assessment.Number?.Route.Steps.SelectMany(s => s.Destinations).FirstOrDefault() : null,
            AccountId = account,
            RecordId = inbound.CallId,
        };
    }

    private async Task<bool> ReserveDivertAsync(CallAssessment assessment, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await cap.TryReserveDivertAsync(assessment.Snapshot.AccountId, assessment.NumberKey!, assessment.MaxDivertsPerHour, now, ct)
                .AsTask().WaitAsync(StorageBudget, time, ct);
        }
        catch (TimeoutException)
        {
            AcsRoutingLog.CapSlow(log, assessment.Call.CallId);
            return false; // Routed normally and flagged, as when the cap is reached.
        }
    }

    private void Record(CallEvent e)
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
