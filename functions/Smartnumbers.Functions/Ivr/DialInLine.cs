using Microsoft.Extensions.Options;
using Smartnumbers.Core;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Runs the dial-in machine for one carrier request: loads the call's session, feeds it the keys, performs the
/// machine's requests (PIN check, plan and override changes) feeding each result back, and stores the new session.
/// A state that carries a request is stored (ETag-guarded) before the request is performed, so a duplicate or
/// concurrent delivery of the same keys can never apply a change twice; the loser hears the current prompt again.
/// </summary>
internal sealed class DialInLine(
    IvrSessionStore sessions,
    IvrPinCheck pins,
    IIvrChanges changes,
    IIvrAccounts accounts,
    TimeProvider time,
    IOptions<DialInOptions> options,
    ILogger<DialInLine> logger)
{
    private readonly IvrMachine _machine = new(options.Value.Machine);

    /// <summary>A new call to the control line: store its session and greet.</summary>
    public async Task<IvrPrompt> BeginAsync(IvrCall call, CancellationToken ct)
    {
        var start = _machine.Start();
        await sessions.CreateAsync(call, start.Session, ct);
        return start.Prompt!;
    }

    /// <summary>The keys the caller pressed for the last prompt (empty after a timeout); null when the call has no live session.</summary>
    public async Task<IvrPrompt?> ContinueAsync(string callId, string keys, CancellationToken ct)
    {
        var stored = await sessions.GetAsync(callId, ct);
        if (stored is null)
        {
            return null;
        }

        if (stored.Session.Step.IsFinished())
        {
            return _machine.Resume(stored.Session, Context(stored.Call, Placeholder(stored.Call))).Prompt!;
        }

        if (await accounts.GetAsync(stored.Call.AccountId, ct) is not { } account)
        {
            return IvrMachine.SessionEnded;
        }

        var context = Context(stored.Call, account);
        var transition = stored.Session.Step.IsAwaitingResult()
            ? _machine.Resume(stored.Session, context)
            : _machine.Next(stored.Session, new DigitsEntered(keys), context);

        while (transition.Action is { } action)
        {
            // Claim the step before acting on it: only one delivery of these keys gets past this write.
            stored = await sessions.SaveAsync(stored, transition.Session, ct);
            if (stored is null)
            {
                return await AfterConflictAsync(callId, ct);
            }

            var result = await PerformAsync(stored.Call, context.Account, action, ct);
            context = Context(stored.Call, await accounts.GetAsync(stored.Call.AccountId, ct) ?? context.Account);
            transition = _machine.Next(transition.Session, result, context);
        }

        return await sessions.SaveAsync(stored, transition.Session, ct) is null
            ? await AfterConflictAsync(callId, ct)
            : transition.Prompt!;
    }

    private async Task<IvrInput> PerformAsync(IvrCall call, AccountSnapshot account, IvrAction action, CancellationToken ct)
    {
        if (action is VerifyPin verify)
        {
            return new PinChecked(await pins.CheckAsync(call, account, verify, ct));
        }

        IvrActionOutcome outcome;
        try
        {
            outcome = await changes.ApplyAsync(call, action, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IvrLog.ActionFailed(logger, ex, call.CallId, action.Describe());
            outcome = IvrActionOutcome.Failed;
        }

        var description = action.Describe();
        IvrLog.ActionApplied(logger, call.CallId, description, outcome);
        return new ActionCompleted(action, outcome);
    }

    private async Task<IvrPrompt> AfterConflictAsync(string callId, CancellationToken ct)
    {
        IvrLog.SessionConflict(logger, callId);
        var current = await sessions.GetAsync(callId, ct);
        if (current is null || await accounts.GetAsync(current.Call.AccountId, ct) is not { } account)
        {
            return IvrMachine.SessionEnded;
        }

        // Only a step waiting for keys is repeated as it is; one awaiting a result belongs to the other delivery.
        var context = Context(current.Call, account);
        return current.Session.Step.IsAwaitingResult() || current.Session.Step.IsFinished()
            ? _machine.Resume(current.Session, context).Prompt!
            : _machine.Repeat(current.Session, context).Prompt!;
    }

    private IvrContext Context(IvrCall call, AccountSnapshot account) => new(account, call.CallerNumber, time.GetUtcNow());

    private static AccountSnapshot Placeholder(IvrCall call) => new() { AccountId = call.AccountId, Settings = new() { Name = call.AccountId } };
}
