using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Acs.Rest;
using Smartnumbers.Functions.Acs.Routing;
using Smartnumbers.Functions.Acs.Security;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>
/// Applies mid-call callbacks to the stored call: load, transition (<see cref="AcsRouteFlow"/> or the call's
/// <see cref="IAcsCallFlowHandler"/>), store with the ETag read (on a conflict: reload and re-apply, so only one
/// instance acts on an event), then carry out the actions. A failed action becomes the matching failure event
/// (PlayFailed, AddParticipantFailed) and is applied in turn. Never throws for ACS or storage trouble.
/// </summary>
public sealed class AcsCallbackProcessor(
    AcsCallStore calls,
    CallAutomationClient acs,
    AcsEventLedger ledger,
    IEnumerable<IAcsCallFlowHandler> handlers,
    AcsCallRecorder recorder,
    IOptions<AcsOptions> options,
    ILogger<AcsCallbackProcessor> log)
{
    public enum Result
    {
        Applied,
        UnknownCall,
        BadSecret,
    }

    public async Task<Result> ProcessAsync(string callId, string? secret, IReadOnlyList<AcsCallbackEvent> events, CancellationToken ct)
    {
        // An id we never made (a '/', a control character, 5,000 characters) names no row; storage would refuse it.
        var loaded = TableKey.IsKey(callId) ? await calls.GetAsync(callId, ct) : null;
        if (loaded is null)
        {
            foreach (var e in events)
            {
                AcsLog.UnknownCall(log, e.Name, callId);
            }

            return Result.UnknownCall;
        }

        if (!SecretComparer.Matches(secret, loaded.Value.State.Secret))
        {
            return Result.BadSecret;
        }

        CallSpan.TagCallId(loaded.Value.State.Plan.RecordId ?? callId);

        foreach (var e in events)
        {
            if (e.Id.Length == 0 || ledger.TryClaimLocal("c:" + e.Id))
            {
                await ApplyAsync(callId, e, ct);
            }
        }

        return Result.Applied;
    }

    private async Task ApplyAsync(string callId, AcsCallbackEvent first, CancellationToken ct)
    {
        var pending = new Queue<AcsCallbackEvent>([first]);
        while (pending.TryDequeue(out var e))
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                if (await calls.GetAsync(callId, ct) is not { } current)
                {
                    return;
                }

                var state = current.State;
                if (state.Plan.Flow != AcsCallPlan.RouteFlow)
                {
                    var next = await HandleCustomFlowAsync(state, e, ct);
                    if (next == state || await calls.TryReplaceAsync(next, current.ETag, ct))
                    {
                        break;
                    }

                    continue;
                }

                var (updated, actions) = AcsRouteFlow.Apply(state, e);
                if (updated == state && actions.Count == 0)
                {
                    break;
                }

                if (!await calls.TryReplaceAsync(updated, current.ETag, ct))
                {
                    continue;
                }

                AcsLog.CallbackApplied(log, callId, e.Name, e.OperationContext, updated.Phase);
                recorder.Transitioned(state, updated, e);
                foreach (var follow in await RunAsync(updated, actions, ct))
                {
                    pending.Enqueue(follow);
                }

                break;
            }
        }
    }

    private async Task<AcsCallState> HandleCustomFlowAsync(AcsCallState state, AcsCallbackEvent e, CancellationToken ct)
    {
        if (state.CallConnectionId is null && e.CallConnectionId is not null)
        {
            state = state with { CallConnectionId = e.CallConnectionId };
        }

        var handler = handlers.FirstOrDefault(h => h.Flow == state.Plan.Flow);
        if (handler is not null)
        {
            return await handler.HandleAsync(state, e, ct);
        }

        AcsLog.NoFlowHandler(log, state.CallId, state.Plan.Flow);
        await RunAsync(state, [new AcsCallAction.HangUp()], ct);
        return state with { Phase = AcsCallPhase.Ended, Outcome = "no handler" };
    }

    /// <summary>Carries out actions; returns the events their results cause (invitation ids, failures).</summary>
    private async Task<List<AcsCallbackEvent>> RunAsync(AcsCallState state, IReadOnlyList<AcsCallAction> actions, CancellationToken ct)
    {
        var follow = new List<AcsCallbackEvent>();
        var id = state.CallConnectionId;
        foreach (var action in actions)
        {
            try
            {
                if (id is null)
                {
                    throw new InvalidOperationException("no callConnectionId yet");
                }

                switch (action)
                {
                    case AcsCallAction.Play play:
                        await acs.PlayAsync(id, new PlayRequest([PlaySource.FromText(play.Text, state.Plan.VoiceName)]) { OperationContext = play.OperationContext }, ct);
                        break;
                    case AcsCallAction.AddParticipant add:
                        var reply = await acs.AddParticipantAsync(id, AddRequest(state, add), ct: ct);
                        follow.Add(AcsCallbackEvent.Synthetic(AcsCallbackEvent.InvitationSent, AcsRouteFlow.LegContext(add.Step, add.Index), reply.InvitationId));
                        break;
                    case AcsCallAction.CancelAddParticipant cancel:
                        await acs.CancelAddParticipantAsync(id, new CancelAddParticipantRequest(cancel.InvitationId) { OperationContext = cancel.OperationContext }, ct: ct);
                        break;
                    case AcsCallAction.HangUp:
                        await acs.HangUpAsync(id, ct);
                        break;
                    case AcsCallAction.Terminate:
                        await acs.TerminateAsync(id, ct: ct);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                AcsLog.OperationFailed(log, state.CallId, action.GetType().Name, ex);
                switch (action)
                {
                    case AcsCallAction.Play play:
                        follow.Add(AcsCallbackEvent.Synthetic("PlayFailed", play.OperationContext));
                        break;
                    case AcsCallAction.AddParticipant add:
                        follow.Add(AcsCallbackEvent.Synthetic("AddParticipantFailed", AcsRouteFlow.LegContext(add.Step, add.Index)));
                        break;
                }
            }
        }

        return follow;
    }

    private AddParticipantRequest AddRequest(AcsCallState state, AcsCallAction.AddParticipant add) =>
        new(CommunicationIdentifierModel.ForDestination(add.Destination))
        {
            SourceCallerIdNumber = new PhoneNumberIdentifierModel(options.Value.CallerId!, false),
            InvitationTimeoutInSeconds = Math.Clamp(add.RingSeconds, 1, 180),
            OperationContext = AcsRouteFlow.LegContext(add.Step, add.Index),
            CustomCallingContext = state.Plan.SipHeaders.Count == 0 ? null : new CustomCallingContext(state.Plan.SipHeaders, new Dictionary<string, string>()),
        };
}
