using Microsoft.Extensions.Options;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Functions.Ivr;
using Smartnumbers.Functions.Pipeline;
using Smartnumbers.Functions.Telemetry;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// POST /api/twilio/voice (signature already checked) in and out of the <see cref="CallPipeline"/>: the form becomes an
/// <see cref="InboundCall"/>, the outcome becomes TwiML. A number no account has is rejected; when its owner cannot be
/// read within <see cref="CallPipelineOptions.TwilioOwnerBudget"/> (and no emergency route is set) the answer is HTTP 503,
/// so Twilio fetches the number's Fallback URL. The account's dial-in line gets the IVR's first prompt directly. Never
/// fails: a fault while rendering connects the call by the last-known route.
/// </summary>
internal sealed partial class TwilioCallHandler(
    CallPipeline pipeline,
    IvrTwilioLine dialIn,
    TwilioDialer dialer,
    TwilioReplyCache replies,
    TimeProvider time,
    IOptions<CallPipelineOptions> options,
    IOptions<TwilioOptions> twilio,
    ILogger<TwilioCallHandler> log)
{
    public async Task<IResult> AnswerAsync(HttpRequest request, CancellationToken ct)
    {
        var token = request.Headers[TwilioReplyCache.Header].ToString();
        if (replies.TryGet(token, out var earlier))
        {
            if (log.IsEnabled(LogLevel.Information))
            {
                var safe = LogText.Of(token);
                LogRetry(log, safe);
            }

            return earlier;
        }

        InboundCall call;
        try
        {
            call = TwilioInboundCall.FromForm(request.Form, time.GetUtcNow(), twilio.Value.NetworkCallerIdHeader);
        }
        catch (Exception ex)
        {
            LogUnreadable(log, ex); // Nothing to route by: Twilio's Fallback URL takes the call.
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var outcome = await pipeline.HandleAsync(call, options.Value.TwilioOwnerBudget, ct);
        if (outcome is CallOutcome.CannotTell)
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var reply = await RenderAsync(outcome, ct);
        replies.Set(token, reply);
        return reply;
    }

    private async Task<TwimlResult> RenderAsync(CallOutcome outcome, CancellationToken ct)
    {
        if (outcome is not CallOutcome.Decided decided)
        {
            return new TwimlResponse().Reject(TwimlRejectReason.Rejected).ToResult();
        }

        try
        {
            return decided.ToDialIn && decided.Snapshot is { } account
                ? (await dialIn.AnswerAsync(decided.Call, account, ct)).ToResult()
                : dialer.Render(decided.Decision, decided.AccountId, decided.Call).ToResult();
        }
        catch (Exception ex)
        {
            LogRenderFault(log, LogText.Of(decided.Call.CallId), ex);
            return Connect(decided.Fallback(), decided.AccountId, decided.Call);
        }
    }

    /// <summary>
    /// The reply when a &lt;Dial&gt; action could not be handled: the called number's last-known route (override →
    /// active plan → normal, down sites skipped), else a short apology and a hang-up.
    /// </summary>
    public async Task<TwimlResult> DialResultFallbackAsync(IFormCollection form, CancellationToken ct)
    {
        try
        {
            var call = TwilioInboundCall.FromForm(form, time.GetUtcNow(), twilio.Value.NetworkCallerIdHeader);
            var outcome = await pipeline.LastKnownRouteAsync(call, options.Value.TwilioOwnerBudget, ct);
            if (outcome is CallOutcome.Decided decided)
            {
                return Connect(decided.Decision, decided.AccountId, call);
            }
        }
        catch (Exception ex)
        {
            LogRenderFault(log, LogText.Of(form["CallSid"].ToString()), ex);
        }

        return Connect(null, "", null);
    }

    private TwimlResult Connect(RoutingDecision? decision, string accountId, InboundCall? call)
    {
        if (decision is { Action: DecisionAction.Connect, Steps.Count: > 0 } && call is not null)
        {
            try
            {
                return dialer.Render(decision with { ControlLine = false }, accountId, call).ToResult();
            }
            catch (Exception ex)
            {
                LogRenderFault(log, LogText.Of(call.CallId), ex);
            }
        }

        return dialer.Say(new TwimlResponse(), TwilioDialer.Apology).Hangup().ToResult();
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Twilio retry {Token}: same reply as before")]
    private static partial void LogRetry(ILogger logger, string token);

    [LoggerMessage(EventId = 4033, Level = LogLevel.Error, Message = "A signed voice webhook could not be read as a call: answering 503 so Twilio's Fallback URL takes it")]
    private static partial void LogUnreadable(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Error, Message = "Rendering call {CallId} failed: connecting it by the last-known route")]
    private static partial void LogRenderFault(ILogger logger, string callId, Exception ex);
}
