using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.Acs.Rest;

namespace Smartnumbers.Functions.Ivr.Acs;

/// <summary>
/// The dial-in line on ACS: the <c>ivr</c> call flow. CallConnected starts the session (keyed by the ACS state's
/// <see cref="AcsCallState.CallId"/>) and each prompt is a <c>:recognize</c> (DTMF, text prompt) to the caller;
/// RecognizeCompleted feeds the tones, RecognizeFailed (timeout) feeds no keys; a closing prompt is played and the
/// call hung up once played. The machine itself runs in the shared <see cref="DialInLine"/>.
/// </summary>
internal sealed class IvrAcsFlow(
    IServiceProvider services,
    TimeProvider time,
    ILogger<IvrAcsFlow> logger) : IAcsCallFlowHandler
{
    /// <summary>FlowData key: "#" when the pending prompt finishes on the pound key.</summary>
    public const string FinishKey = "finish";
    /// <summary>FlowData key: the id of the last event handled, so a redelivery is not fed twice.</summary>
    public const string LastEvent = "event";
    public const string ClosingContext = "ivr:closing";

    public string Flow => "ivr";

    // Resolved on first use: the router lists flow handlers at start-up, before settings are validated.
    private DialInLine Line => services.GetRequiredService<DialInLine>();

    private CallAutomationClient Acs => services.GetRequiredService<CallAutomationClient>();

    private ISnapshotProvider Snapshots => services.GetRequiredService<ISnapshotProvider>();

    public async Task<AcsCallState> HandleAsync(AcsCallState state, AcsCallbackEvent callback, CancellationToken ct)
    {
        if (state.FlowData.TryGetValue(LastEvent, out var last) && last == callback.Id)
        {
            return state;
        }

        switch (callback.Name)
        {
            case "CallConnected" when state.Phase != AcsCallPhase.Ended && !state.FlowData.ContainsKey(FinishKey):
                return await RenderAsync(state, callback, await Guard(state.CallId, () => BeginAsync(state, ct)), ct);
            case "RecognizeCompleted" or "RecognizeFailed" when state.FlowData.TryGetValue(FinishKey, out var finish):
                var keys = callback.Name == "RecognizeCompleted" ? AcsDtmf.Keys(callback.Tones, finish == "#") : string.Empty;
                var prompt = await Guard(state.CallId, async () => await Line.ContinueAsync(state.CallId, keys, ct) ?? IvrMachine.SessionEnded);
                return await RenderAsync(state, callback, prompt, ct);
            case "PlayCompleted" or "PlayFailed" when callback.OperationContext == ClosingContext:
                await HangUpAsync(state, ct);
                return Ended(state, callback, "announced");
            case "CallDisconnected":
                return Ended(state, callback, state.Outcome ?? "disconnected");
            default:
                return state;
        }
    }

    private async Task<IvrPrompt> BeginAsync(AcsCallState state, CancellationToken ct)
    {
        var caller = CallerIdentity.From(new CommunicationIdentifierModel { RawId = state.CallerRawId });
        var inbound = InboundCall.Create(
            state.CallId, Carrier.Acs, state.CalledNumber, caller.Number ?? "anonymous", time.GetUtcNow(), carrierSaysAnonymous: caller.Withheld || caller.Number is null);
        var account = await Snapshots.FindByCalledNumberAsync(inbound.CalledNumber, ct);
        return account is not null && IvrCalls.IsControlLine(account, inbound.CalledNumber)
            ? await Line.BeginAsync(IvrCalls.From(inbound, account, state.CallId), ct)
            : IvrMachine.SessionEnded;
    }

    private async Task<AcsCallState> RenderAsync(AcsCallState state, AcsCallbackEvent callback, IvrPrompt prompt, CancellationToken ct)
    {
        var connection = state.CallConnectionId ?? callback.CallConnectionId;
        if (connection is null)
        {
            return state;
        }

        var data = new Dictionary<string, string>(state.FlowData) { [LastEvent] = callback.Id };
        try
        {
            if (prompt.Gather is { } gather)
            {
                await Acs.RecognizeAsync(connection, Recognize(state, prompt, gather), ct);
                data[FinishKey] = gather.FinishOnHash ? "#" : string.Empty;
                return state with { CallConnectionId = connection, FlowData = data };
            }

            data.Remove(FinishKey);
            await Acs.PlayAsync(connection, new PlayRequest([PlaySource.FromText(prompt.Text, state.Plan.VoiceName)]) { OperationContext = ClosingContext }, ct);
            return state with { CallConnectionId = connection, FlowData = data };
        }
        catch (Exception ex) when (ex is AcsRequestException or HttpRequestException or TimeoutException)
        {
            IvrLog.LineFailed(logger, ex, state.CallId);
            await HangUpAsync(state with { CallConnectionId = connection }, ct);
            return Ended(state with { CallConnectionId = connection, FlowData = data }, callback, "failed");
        }
    }

    private static RecognizeRequest Recognize(AcsCallState state, IvrPrompt prompt, IvrGather gather)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(gather.Timeout.TotalSeconds));
        var dtmf = new DtmfOptions
        {
            MaxTonesToCollect = gather.FinishOnHash ? gather.MaxDigits + 1 : gather.MaxDigits,
            InterToneTimeoutInSeconds = seconds,
            StopTones = gather.FinishOnHash ? [AcsDtmf.Pound] : null,
        };
        return new RecognizeRequest("dtmf", new RecognizeOptions(Caller(state)) { InitialSilenceTimeoutInSeconds = seconds, InterruptPrompt = true, DtmfOptions = dtmf })
        {
            PlayPrompt = PlaySource.FromText(prompt.Text, state.Plan.VoiceName),
            OperationContext = "ivr",
        };
    }

    private static CommunicationIdentifierModel Caller(AcsCallState state)
    {
        var caller = CallerIdentity.From(new CommunicationIdentifierModel { RawId = state.CallerRawId });
        return caller.Number is { } number
            ? CommunicationIdentifierModel.Phone(number)
            : new CommunicationIdentifierModel { Kind = caller.IsPhone ? "phoneNumber" : null, RawId = state.CallerRawId, PhoneNumber = caller.IsPhone ? new PhoneNumberIdentifierModel("anonymous", true) : null };
    }

    private async Task HangUpAsync(AcsCallState state, CancellationToken ct)
    {
        if (state.CallConnectionId is not { } connection)
        {
            return;
        }

        try
        {
            await Acs.HangUpAsync(connection, ct);
        }
        catch (Exception ex) when (ex is AcsRequestException or HttpRequestException or TimeoutException)
        {
            IvrLog.LineFailed(logger, ex, state.CallId);
        }
    }

    private static AcsCallState Ended(AcsCallState state, AcsCallbackEvent callback, string outcome) =>
        state with { Phase = AcsCallPhase.Ended, Outcome = outcome, FlowData = new Dictionary<string, string>(state.FlowData) { [LastEvent] = callback.Id } };

    private async Task<IvrPrompt> Guard(string callId, Func<Task<IvrPrompt>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or InvalidOperationException or TimeoutException)
        {
            IvrLog.LineFailed(logger, ex, callId);
            return IvrMachine.Unavailable;
        }
    }
}
