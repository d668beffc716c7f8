using Microsoft.Extensions.Options;
using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Screening;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// The call path behind POST /api/twilio/voice (signature already checked): the number's snapshot from memory, velocity
/// figures within a tight budget, the decision, a divert-cap slot only when the core asks, and the TwiML; the record and
/// the counters go to the background writer. Never fails: any fault returns the number's normal route from the
/// last-known config, or a short apology and a hang-up when no route is known.
/// </summary>
public sealed partial class TwilioCallHandler(
    ISnapshotProvider snapshots,
    CallerHistoryCache history,
    IDivertCap divertCap,
    CallRecordWriter records,
    AccountRiskModels models,
    TwilioDialer dialer,
    TwilioReplyCache replies,
    TimeProvider time,
    IOptions<TwilioOptions> options,
    ILogger<TwilioCallHandler> log)
{
    public async Task<TwimlResult> AnswerAsync(HttpRequest request, CancellationToken ct)
    {
        var token = request.Headers[TwilioReplyCache.Header].ToString();
        if (replies.TryGet(token, out var earlier))
        {
            LogRetry(log, token);
            return earlier;
        }

        var form = request.Form;
        InboundCall? call = null;
        TwimlResult reply;
        try
        {
            call = TwilioInboundCall.FromForm(form, time.GetUtcNow());
            var snapshot = await snapshots.FindByCalledNumberAsync(call.CalledNumber, ct);
            if (snapshot is null)
            {
                LogUnknownNumber(log, call.CallId);
                reply = new TwimlResponse().Reject(TwimlRejectReason.Rejected).ToResult();
            }
            else
            {
                reply = await DecideAsync(call, snapshot, ct);
            }
        }
        catch (Exception ex)
        {
            LogFault(log, call?.CallId ?? form["CallSid"].ToString(), ex);
            reply = await FallbackAsync(form);
        }

        replies.Set(token, reply);
        return reply;
    }

    /// <summary>
    /// The reply when deciding failed: the called number's normal route from the last-known snapshot (with failover
    /// links and the closing words), else a short apology and a hang-up.
    /// </summary>
    public async Task<TwimlResult> FallbackAsync(IFormCollection form)
    {
        try
        {
            var called = CallerIdText.Strip(form["To"].ToString());
            var snapshot = await snapshots.FindByCalledNumberAsync(called, CancellationToken.None).AsTask()
                .WaitAsync(options.Value.StorageBudget, time);
            if (snapshot is not null && snapshot.Numbers.TryGetValue(called, out var number) && number.Route.Steps.Count > 0)
            {
                var callId = form["CallSid"].ToString();
                var sequence = new DialSequence { Steps = number.Route.Steps, Closing = snapshot.Settings.Announcements.Closed ?? DefaultAnnouncements.Closed };
                var first = new DialResultState(snapshot.AccountId, called, callId, time.GetUtcNow(), 0, sequence);
                Record(CallStarted.For(new CallRecord
                {
                    CallId = callId, Carrier = "twilio", AccountId = snapshot.AccountId, CalledNumber = called,
                    PresentationNumber = form["From"].ToString(), StartedAt = first.StartedAt,
                    Decision = new CallDecisionSummary { Action = "connect", Source = "normal", Reason = "fallback" },
                }));
                return dialer.Connect(new TwimlResponse(), first).ToResult();
            }
        }
        catch (Exception ex)
        {
            LogFallbackFailed(log, ex.Message);
        }

        return dialer.Say(new TwimlResponse(), TwilioDialer.Apology).Hangup().ToResult();
    }

    private async Task<TwimlResult> DecideAsync(InboundCall call, AccountSnapshot snapshot, CancellationToken ct)
    {
        var account = snapshot.AccountId;
        var caller = call.Withheld ? null : call.PresentationNumber ?? call.NetworkNumber;
        var figures = await history.GetAsync(account, caller, call.CalledNumber, options.Value.HistoryBudget, ct);
        var decider = await models.GetAsync(account, ct);
        var assessment = decider.Assess(snapshot, call, figures);
        var granted = assessment.DivertWanted && await ReserveDivertAsync(assessment, call, ct);
        var decision = decider.Decide(assessment, granted);
        var reply = dialer.Render(decision, account, call).ToResult();

        Record(CallStarted.For(CallRecordFactory.From(call, account, decision)));
        if (assessment.NumberKey is { } key)
        {
            Record(CallRecordFactory.Counted(call, account, assessment.CallerNumber, key));
        }

        return reply;
    }

    private async Task<bool> ReserveDivertAsync(CallAssessment assessment, InboundCall call, CancellationToken ct)
    {
        try
        {
            return await divertCap.TryReserveDivertAsync(assessment.Snapshot.AccountId, assessment.NumberKey!, assessment.MaxDivertsPerHour, call.ArrivedAt, ct)
                .AsTask().WaitAsync(options.Value.StorageBudget, time, ct);
        }
        catch (TimeoutException)
        {
            LogCapSlow(log, call.CallId);
            return false; // Routed normally and flagged, as when the cap is reached.
        }
    }

    private void Record(CallEvent ev)
    {
        try
        {
            records.Enqueue(ev);
        }
        catch (IOException ex)
        {
            LogRecordFailed(log, ev.CallId, ex.Message); // Spill folder unwritable: the call still goes on.
        }
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Twilio retry {Token}: same reply as before")]
    private static partial void LogRetry(ILogger logger, string token);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "Call {CallId} to a number no account has: rejected")]
    private static partial void LogUnknownNumber(ILogger logger, string callId);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Error, Message = "Deciding call {CallId} failed: connecting it by the normal route")]
    private static partial void LogFault(ILogger logger, string callId, Exception ex);

    [LoggerMessage(EventId = 4033, Level = LogLevel.Error, Message = "No normal route for the fallback ({Error}): apologising and hanging up")]
    private static partial void LogFallbackFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4034, Level = LogLevel.Warning, Message = "Divert cap not answered in time for call {CallId}: routed normally and flagged")]
    private static partial void LogCapSlow(ILogger logger, string callId);

    [LoggerMessage(EventId = 4035, Level = LogLevel.Error, Message = "Could not queue the record of call {CallId}: {Error}")]
    private static partial void LogRecordFailed(ILogger logger, string callId, string error);
}
