using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.Acs.Rest;
using Smartnumbers.Functions.Acs.Routing;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>
/// Carries out one IncomingCall inside the Event Grid request: claim the event id, decide, then answer, redirect or
/// reject (each bounded by Acs__OperationTimeoutSeconds with retries), or leave alone a call that is not ours. On failure
/// it redirects to the first destination of the last-known route (override → active plan → normal, down sites skipped);
/// only when that fails too is the event released and false returned, so Event Grid retries while it still rings.
/// Never throws.
/// </summary>
public sealed class AcsIncomingCallProcessor(
    IAcsCallRouter router,
    CallAutomationClient acs,
    AcsCallStore calls,
    AcsEventLedger ledger,
    AcsCallRecorder recorder,
    IOptions<AcsOptions> options,
    ILogger<AcsIncomingCallProcessor> log)
{
    public const string CallbackPath = "/api/acs/callbacks";

    /// <summary>True when the call was handled (or was a duplicate); false when Event Grid should retry.</summary>
    public async Task<bool> ProcessAsync(AcsIncomingCall call, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        CallSpan.TagCallId(call.CallId);
        try
        {
            if (!await ledger.TryClaimAsync(call.EventId, ct))
            {
                AcsLog.DuplicateEvent(log, call.EventId);
                return true;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage trouble must not cost the call: carry on with this instance's claim only.
            AcsLog.LedgerUnavailable(log, call.EventId, ex.GetType().Name);
        }

        AcsCallInstruction instruction;
        try
        {
            instruction = await router.RouteAsync(call, ct);
        }
        catch (Exception ex)
        {
            AcsLog.RoutingFailed(log, call.EventId, ex);
            await ledger.ReleaseAsync(call.EventId, CancellationToken.None);
            return false;
        }

        if (instruction is AcsCallInstruction.Ignore ignore)
        {
            AcsLog.CallIgnored(log, call.EventId, ignore.Why);
            return true;
        }

        try
        {
            var action = await ExecuteAsync(call, instruction, ct);
            AcsLog.CallHandled(log, call.EventId, action, clock.ElapsedMilliseconds);
            recorder.Handled(instruction);
            return true;
        }
        catch (Exception ex)
        {
            AcsLog.ActionFailed(log, call.EventId, instruction.GetType().Name, ex);
        }

        var fallback = instruction.FallbackDestination;
        var alreadyTried = instruction is AcsCallInstruction.Redirect tried && tried.Destination == fallback;
        if (!string.IsNullOrEmpty(fallback) && !alreadyTried)
        {
            try
            {
                await acs.RedirectAsync(new RedirectCallRequest(call.IncomingCallContext, CommunicationIdentifierModel.ForDestination(fallback)), ct: ct);
                AcsLog.CallHandled(log, call.EventId, "fallback redirect", clock.ElapsedMilliseconds);
                return true;
            }
            catch (Exception ex)
            {
                AcsLog.FallbackFailed(log, call.EventId, ex);
            }
        }
        else
        {
            AcsLog.FallbackFailed(log, call.EventId, null);
        }

        await ledger.ReleaseAsync(call.EventId, CancellationToken.None);
        return false;
    }

    private async Task<string> ExecuteAsync(AcsIncomingCall call, AcsCallInstruction instruction, CancellationToken ct)
    {
        switch (instruction)
        {
            case AcsCallInstruction.Reject reject:
                await acs.RejectAsync(new RejectCallRequest(call.IncomingCallContext, reject.Reason), ct: ct);
                return "reject " + reject.Reason;
            case AcsCallInstruction.Redirect redirect:
                await acs.RedirectAsync(new RedirectCallRequest(call.IncomingCallContext, CommunicationIdentifierModel.ForDestination(redirect.Destination)), ct: ct);
                return "redirect";
            case AcsCallInstruction.Answer answer:
                await AnswerAsync(call, answer.Plan, ct);
                return "answer";
            case AcsCallInstruction.Ignore:
                return "none";
            default:
                throw new InvalidOperationException("Unknown instruction " + instruction.GetType().Name);
        }
    }

    private async Task AnswerAsync(AcsIncomingCall call, AcsCallPlan plan, CancellationToken ct)
    {
        var state = new AcsCallState
        {
            CallId = TableKey.For(call.EventId),
            Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
            Plan = plan,
            Phase = AcsCallPhase.Answering,
            CalledNumber = call.CalledNumber,
            CallerRawId = call.Caller.RawId,
        };
        await calls.PutAsync(state, ct);
        var callbackUri = options.Value.CallbackBaseUrl!.TrimEnd('/') + CallbackPath
            + "?call=" + Uri.EscapeDataString(state.CallId) + "&s=" + Uri.EscapeDataString(state.Secret);
        var answered = await acs.AnswerAsync(new AnswerCallRequest(call.IncomingCallContext, callbackUri) { OperationContext = "answer" }, ct: ct);

        // Record the connection id unless a callback already did (callbacks may beat answer's reply).
        for (var attempt = 0; attempt < 5 && answered.CallConnectionId is not null; attempt++)
        {
            if (await calls.GetAsync(state.CallId, ct) is not { } current || current.State.CallConnectionId is not null
                || await calls.TryReplaceAsync(current.State with { CallConnectionId = answered.CallConnectionId }, current.ETag, ct))
            {
                break;
            }
        }
    }
}
