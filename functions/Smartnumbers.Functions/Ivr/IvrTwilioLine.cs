using Azure;
using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// The dial-in line on Twilio. <see cref="AnswerAsync"/> is the hook for <c>/api/twilio/voice</c> when the called number
/// is a control line; <see cref="GatherAsync"/> serves <c>POST /api/twilio/ivr</c> (the &lt;Gather action&gt;), and also
/// starts a session when a control-line call arrives there without one (e.g. via &lt;Redirect&gt;).
/// Never throws: a failure is spoken as "not available" and the call hung up.
/// </summary>
internal sealed class IvrTwilioLine(DialInLine line, IvrTwilioRenderer renderer, ISnapshotProvider snapshots, TimeProvider time, ILogger<IvrTwilioLine> logger)
{
    /// <summary>Greets a new call to the control line.</summary>
    public async Task<TwimlResponse> AnswerAsync(InboundCall call, AccountSnapshot account, CancellationToken ct) =>
        renderer.Render(await Guard(call.CallId, () => line.BeginAsync(IvrCalls.From(call, account, call.CallId), ct)));

    /// <summary>The keys of one &lt;Gather&gt; post.</summary>
    public async Task<TwimlResponse> GatherAsync(IFormCollection form, CancellationToken ct)
    {
        var callSid = form["CallSid"].ToString();
        if (callSid.Length == 0)
        {
            return renderer.Render(IvrMachine.SessionEnded);
        }

        return renderer.Render(await Guard(callSid, async () =>
        {
            if (await line.ContinueAsync(callSid, IvrTwilioRenderer.Digits(form), ct) is { } prompt)
            {
                return prompt;
            }

            var inbound = InboundCall.Create(callSid, Carrier.Twilio, form["To"].ToString(), form["From"].ToString(), time.GetUtcNow());
            var account = await snapshots.FindByCalledNumberAsync(inbound.CalledNumber, ct);
            return account is not null && IvrCalls.IsControlLine(account, inbound.CalledNumber)
                ? await line.BeginAsync(IvrCalls.From(inbound, account, callSid), ct)
                : IvrMachine.SessionEnded;
        }));
    }

    private async Task<IvrPrompt> Guard(string callId, Func<Task<IvrPrompt>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or InvalidOperationException or TimeoutException)
        {
            IvrLog.LineFailed(logger, ex, Telemetry.LogText.Of(callId));
            return IvrMachine.Unavailable;
        }
    }
}
