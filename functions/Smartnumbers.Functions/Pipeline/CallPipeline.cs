using System.Diagnostics;
using Microsoft.Extensions.Options;
using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Screening;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Pipeline;

/// <summary>
/// The one sequence every inbound call goes through, whichever carrier brought it, and the simulator too:
/// snapshot (owned / not ours / can't tell) → history → assess → divert cap → decide → record. Carriers only translate
/// in (form or event → <see cref="InboundCall"/>) and out (<see cref="CallOutcome"/> → TwiML or REST).
/// Never throws. Can't-tell never rejects: the emergency route when configured, else <see cref="CallOutcome.CannotTell"/>.
/// A fault while deciding connects the call by the last-known route.
/// </summary>
public sealed partial class CallPipeline(
    ISnapshotProvider snapshots,
    CallerHistoryCache history,
    IDivertCap divertCap,
    DivertCapNotices capNotices,
    CallRecordWriter records,
    AccountRiskModels models,
    IOptions<CallPipelineOptions> options,
    IOptions<EmergencyRouteOptions> emergency,
    TimeProvider time,
    CallerHasher callerHasher,
    ILogger<CallPipeline> log)
{
    /// <summary>The <c>reason</c> tag of a call to a number no account has.</summary>
    public const string NotOursReason = "not-ours";

    /// <summary>The <c>reason</c> tag of a call whose owner could not be read, with no emergency route configured.</summary>
    public const string CannotTellReason = "cannot-tell";

    /// <summary>The deployment's emergency route as a decision, built once from settings; null when none is configured.</summary>
    private readonly RoutingDecision? _emergency = emergency.Value.DestinationList is { Count: > 0 } destinations
        ? FallbackDecisions.EmergencyRoute(destinations, emergency.Value.Announcement, emergency.Value.RingSeconds)
        : null;

    /// <summary>
    /// Decides a real call: storage is tried for its owner within <paramref name="ownerBudget"/>; the record and the count
    /// are queued; the outcome is counted (<c>smartnumbers.calls</c>, risk score, decision duration) and put on the webhook's span.
    /// </summary>
    public async Task<CallOutcome> HandleAsync(InboundCall call, TimeSpan ownerBudget, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await DecideOrFallBackAsync(call, ownerBudget, ct);
        Observe(outcome, started);
        return outcome;
    }

    private void Observe(CallOutcome outcome, long started)
    {
        try
        {
            switch (outcome)
            {
                case CallOutcome.Decided decided:
                    SmartnumbersMetrics.CallDecided(decided.Call.Carrier, decided.Decision, started);
                    CallSpan.TagDecided(decided.Call, decided.AccountId, decided.Decision, callerHasher);
                    break;
                case CallOutcome.CannotTell:
                    SmartnumbersMetrics.CallNotDecided(outcome.Call.Carrier, CannotTellReason, started);
                    CallSpan.TagNotDecided(outcome.Call, CannotTellReason, callerHasher);
                    break;
                default:
                    SmartnumbersMetrics.CallNotDecided(outcome.Call.Carrier, NotOursReason, started);
                    CallSpan.TagNotDecided(outcome.Call, NotOursReason, callerHasher);
                    break;
            }
        }
        catch (Exception ex)
        {
            LogTelemetryFailed(log, ex.GetType().Name); // Telemetry never costs a call.
        }
    }

    private async Task<CallOutcome> DecideOrFallBackAsync(InboundCall call, TimeSpan ownerBudget, CancellationToken ct)
    {
        NumberLookup lookup;
        try
        {
            lookup = await snapshots.LookupAsync(call.CalledNumber, ownerBudget, ct);
        }
        catch (Exception ex)
        {
            lookup = new NumberLookup.CannotTell(ex.GetType().Name);
        }

        switch (lookup)
        {
            case NumberLookup.Owned owned:
                try
                {
                    return await DecideAsync(owned.Snapshot, call, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // The carrier gave up on this webhook (it hung up, or timed out and took its fallback): not a fault.
                    // No error and no stack trace, which under overload would cost more CPU than the call; the call is
                    // still recorded, by its last-known route.
                    if (log.IsEnabled(LogLevel.Information))
                    {
                        var callId = LogText.Of(call.CallId);
                        LogAbandoned(log, callId);
                    }

                    return Fallback(owned.Snapshot, call);
                }
                catch (Exception ex)
                {
                    LogFault(log, LogText.Of(call.CallId), ex);
                    return Fallback(owned.Snapshot, call);
                }

            case NumberLookup.CannotTell unknown:
                return Emergency(call, unknown.Reason);
            default:
                if (log.IsEnabled(LogLevel.Information))
                {
                    var callId = LogText.Of(call.CallId);
                    LogNotOurs(log, callId);
                }

                return new CallOutcome.NotOurs(call);
        }
    }

    /// <summary>
    /// The last-known route of a call already under way (its &lt;Dial&gt; action could not be handled): override → active
    /// plan → normal, down sites skipped; the emergency route when the owner cannot be read. Records nothing: the call
    /// has its record already.
    /// </summary>
    public async Task<CallOutcome> LastKnownRouteAsync(InboundCall call, TimeSpan ownerBudget, CancellationToken ct)
    {
        var lookup = await snapshots.LookupAsync(call.CalledNumber, ownerBudget, ct);
        return lookup switch
        {
            NumberLookup.Owned { Snapshot: var snapshot } =>
                new CallOutcome.Decided(call, snapshot.AccountId, snapshot, call.CalledNumber, LastKnownOrApology(snapshot, call)),
            NumberLookup.CannotTell when _emergency is { } route =>
                new CallOutcome.Decided(call, EmergencyRouteOptions.RecordAccount, null, null, route),
            NumberLookup.CannotTell unknown => new CallOutcome.CannotTell(call, unknown.Reason),
            _ => new CallOutcome.NotOurs(call),
        };
    }

    /// <summary>The simulator's pass: the same stages, read only (no record, no count, the cap read not reserved).</summary>
    public Task<PipelineDecision> SimulateAsync(AccountSnapshot snapshot, InboundCall call, CancellationToken ct) =>
        AssessAndDecideAsync(snapshot, call, simulate: true, ct);

    private async Task<CallOutcome> DecideAsync(AccountSnapshot snapshot, InboundCall call, CancellationToken ct)
    {
        var (assessment, decision, _, _, _) = await AssessAndDecideAsync(snapshot, call, simulate: false, ct);
        var account = snapshot.AccountId;
        Record(CallStarted.For(CallRecordFactory.From(call, account, decision)));
        if (assessment.NumberKey is { } key)
        {
            Record(CallRecordFactory.Counted(call, account, assessment.CallerNumber, key));
        }

        return new CallOutcome.Decided(call, account, snapshot, assessment.NumberKey, decision);
    }

    private async Task<PipelineDecision> AssessAndDecideAsync(AccountSnapshot snapshot, InboundCall call, bool simulate, CancellationToken ct)
    {
        var account = snapshot.AccountId;
        var caller = call.Withheld ? null : call.PresentationNumber ?? call.NetworkNumber;
        var budget = simulate ? options.Value.SimulationHistoryBudget : options.Value.HistoryBudget;
        var figures = await history.GetAsync(account, caller, call.CalledNumber, budget, ct);
        var decider = await models.GetAsync(account, snapshot.Version, ct);
        var assessment = decider.Assess(snapshot, call, figures);
        if (!assessment.DivertWanted)
        {
            return new PipelineDecision(assessment, decider.Decide(assessment), figures, decider, null);
        }

        if (simulate)
        {
            var used = await DivertsUsedAsync(assessment, call, ct);
            return new PipelineDecision(assessment, decider.Decide(assessment, used is null || used < assessment.MaxDivertsPerHour), figures, decider, used);
        }

        return new PipelineDecision(assessment, decider.Decide(assessment, await ReserveDivertAsync(assessment, call, ct)), figures, decider, null);
    }

    private CallOutcome.Decided Fallback(AccountSnapshot snapshot, InboundCall call)
    {
        var decision = LastKnownOrApology(snapshot, call);
        Record(CallStarted.For(CallRecordFactory.From(call, snapshot.AccountId, decision)));
        return new CallOutcome.Decided(call, snapshot.AccountId, snapshot, call.CalledNumber, decision);
    }

    /// <summary>The number's last-known route, else (no route known, or even that failed) an apology and a hang-up.</summary>
    private RoutingDecision LastKnownOrApology(AccountSnapshot snapshot, InboundCall call)
    {
        try
        {
            return FallbackDecisions.LastKnownRoute(snapshot, call.CalledNumber, call.ArrivedAt) ?? Apology();
        }
        catch (Exception ex)
        {
            LogFallbackFailed(log, LogText.Of(call.CallId), ex);
            return Apology();
        }
    }

    private CallOutcome Emergency(InboundCall call, string reason)
    {
        if (_emergency is not { } decision)
        {
            LogCannotTell(log, LogText.Of(call.CallId), LogText.Of(call.CalledNumber), reason);
            return new CallOutcome.CannotTell(call, reason);
        }

        LogEmergency(log, LogText.Of(call.CallId), LogText.Of(call.CalledNumber), reason);
        Record(CallStarted.For(CallRecordFactory.From(call, EmergencyRouteOptions.RecordAccount, decision)));
        return new CallOutcome.Decided(call, EmergencyRouteOptions.RecordAccount, null, null, decision);
    }

    /// <summary>When not even a route is known: an apology, then hang up.</summary>
    private static RoutingDecision Apology() => new()
    {
        Action = DecisionAction.Connect,
        Reason = DecisionReasons.Fallback,
        ClosingAnnouncement = DefaultAnnouncements.Unavailable,
        Explanation = ["Deciding failed and no route is known: apology and hang-up."],
    };

    private async Task<bool> ReserveDivertAsync(CallAssessment assessment, InboundCall call, CancellationToken ct)
    {
        try
        {
            var granted = await divertCap.TryReserveDivertAsync(assessment.Snapshot.AccountId, assessment.NumberKey!, assessment.MaxDivertsPerHour, call.ArrivedAt, ct)
                .AsTask().WaitAsync(options.Value.DivertCapBudget, time, ct);
            SmartnumbersMetrics.Divert(granted);
            if (!granted)
            {
                capNotices.Reached(assessment.Snapshot.AccountId, assessment.NumberKey!, assessment.MaxDivertsPerHour, call.ArrivedAt);
            }

            return granted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogCapUnavailable(log, LogText.Of(call.CallId), ex.GetType().Name);
            SmartnumbersMetrics.Divert(null);
            return false; // Routed normally and flagged, as when the cap is reached.
        }
    }

    private async Task<int?> DivertsUsedAsync(CallAssessment assessment, InboundCall call, CancellationToken ct)
    {
        try
        {
            return await divertCap.DivertsInHourAsync(assessment.Snapshot.AccountId, assessment.NumberKey!, call.ArrivedAt, ct)
                .AsTask().WaitAsync(options.Value.DivertCapBudget, time, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Record(CallEvent ev)
    {
        try
        {
            records.Enqueue(ev);
        }
        catch (Exception ex)
        {
            LogRecordFailed(log, LogText.Of(ev.CallId), ex.Message); // Spill folder unwritable, writer stopped: the call still goes on.
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Call {CallId} to a number no account has")]
    private static partial void LogNotOurs(ILogger logger, string callId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Call {CallId}: the carrier abandoned the webhook while it was being decided; recorded by its last-known route")]
    private static partial void LogAbandoned(ILogger logger, string callId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Deciding call {CallId} failed: connecting it by the last-known route")]
    private static partial void LogFault(ILogger logger, string callId, Exception ex);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "No last-known route for call {CallId}: apologising and hanging up")]
    private static partial void LogFallbackFailed(ILogger logger, string callId, Exception ex);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Call {CallId} to {CalledNumber}: its owner could not be read ({Reason}) and no EmergencyRoute is configured; the carrier's own fallback takes it")]
    private static partial void LogCannotTell(ILogger logger, string callId, string calledNumber, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Call {CallId} to {CalledNumber}: its owner could not be read ({Reason}); connected by the emergency route")]
    private static partial void LogEmergency(ILogger logger, string callId, string calledNumber, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Divert cap not answered for call {CallId} ({Error}): routed normally and flagged")]
    private static partial void LogCapUnavailable(ILogger logger, string callId, string error);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Recording a call's telemetry failed ({Error}); the call goes on")]
    private static partial void LogTelemetryFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "Could not queue the record of call {CallId}: {Error}")]
    private static partial void LogRecordFailed(ILogger logger, string callId, string error);
}
