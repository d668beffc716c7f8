using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Ivr;

/// <summary>
/// The dial-in line as a pure state machine: staff id → PIN (verified outside, see <see cref="VerifyPin"/>) → menu.
/// <see cref="Next"/> takes the session and one input and returns the new session with either a prompt or a request;
/// an input the current step cannot take is refused with <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class IvrMachine(IvrOptions options)
{
    public const int MinStaffIdLength = 3;
    public const int MaxStaffIdLength = 10;
    public const int MinPinLength = 4;
    public const int MaxPinLength = 12;

    private readonly IvrMenu _menu = new(options);

    public IvrMachine()
        : this(IvrOptions.Default)
    {
    }

    public IvrOptions Options { get; } = options;

    /// <summary>The greeting: a new session waiting for the staff id.</summary>
    public IvrTransition Start() =>
        IvrTransition.Speak(new IvrSession(), EntryPrompt([IvrPhrases.Welcome, IvrPhrases.EnterStaffId]));

    /// <summary>Moves the session on by one input.</summary>
    public IvrTransition Next(IvrSession session, IvrInput input, IvrContext context) => (session.Step, input) switch
    {
        (IvrStep.EnterStaffId, DigitsEntered d) => OnStaffId(session, d),
        (IvrStep.EnterPin, DigitsEntered d) => OnPin(session, d),
        (IvrStep.VerifyingPin, PinChecked p) => OnPinChecked(session, p, context),
        (IvrStep.Menu or IvrStep.ConfirmPlan or IvrStep.ChooseOverrideExpiry or IvrStep.Applying, _)
            => WithStaff(session, context, staff => _menu.Next(session, input, context, staff)),
        _ => throw new InvalidOperationException($"The IVR cannot take {input.GetType().Name} in step {session.Step}."),
    };

    /// <summary>The current step's prompt again (after a lost reply or a duplicate delivery); nothing changes.</summary>
    public IvrTransition Repeat(IvrSession session, IvrContext context) => session.Step switch
    {
        IvrStep.EnterStaffId => IvrTransition.Speak(session, EntryPrompt([IvrPhrases.EnterStaffId])),
        IvrStep.EnterPin => IvrTransition.Speak(session, EntryPrompt([IvrPhrases.EnterPin])),
        IvrStep.Menu or IvrStep.ConfirmPlan or IvrStep.ChooseOverrideExpiry
            => WithStaff(session, context, staff => IvrTransition.Speak(session, _menu.PromptFor(session, context, staff, []))),
        _ => throw new InvalidOperationException($"The IVR has no prompt to repeat in step {session.Step}."),
    };

    /// <summary>
    /// Picks the session up again after its last step was interrupted (a request whose result never came back, a
    /// duplicate delivery): the current prompt, or for a step awaiting a result, an apology and the step before it.
    /// </summary>
    public IvrTransition Resume(IvrSession session, IvrContext context) => session.Step switch
    {
        IvrStep.VerifyingPin => IvrTransition.Speak(
            session with { Step = IvrStep.EnterStaffId, StaffId = null, Attempts = 0 },
            EntryPrompt([IvrPhrases.Interrupted, IvrPhrases.EnterStaffId])),
        IvrStep.Applying => WithStaff(session, context, staff =>
        {
            var menu = session with { Step = IvrStep.Menu, Attempts = 0, Slot = null, PlanId = null };
            return IvrTransition.Speak(menu, _menu.PromptFor(menu, context, staff, [IvrPhrases.Interrupted]));
        }),
        _ when session.Step.IsFinished() => End(session, session.Step),
        _ => Repeat(session, context),
    };

    /// <summary>What a call hears when its session is gone (expired, or the account was removed).</summary>
    public static IvrPrompt SessionEnded { get; } = new([IvrPhrases.SessionEnded, IvrPhrases.Goodbye], null);

    /// <summary>What a call hears when the line cannot work (storage unreachable).</summary>
    public static IvrPrompt Unavailable { get; } = new([IvrPhrases.Unavailable, IvrPhrases.Goodbye], null);

    internal static IvrTransition End(IvrSession session, IvrStep step, params string[] sentences) =>
        IvrTransition.Speak(session with { Step = step, Slot = null, PlanId = null }, new IvrPrompt([.. sentences, IvrPhrases.Goodbye], null));

    private IvrPrompt EntryPrompt(IReadOnlyList<string> sentences) =>
        new(sentences, new IvrGather(MaxPinLength + 1, FinishOnHash: true, Options.EntryTimeout));

    private IvrTransition OnStaffId(IvrSession session, DigitsEntered input)
    {
        var keys = WithoutFinishKey(input.Keys);
        if (!IsDigits(keys, MinStaffIdLength, MaxStaffIdLength))
        {
            return Retry(session, input, IvrPhrases.EnterStaffId);
        }

        return IvrTransition.Speak(
            session with { Step = IvrStep.EnterPin, StaffId = keys, Attempts = 0 },
            EntryPrompt([IvrPhrases.EnterPin]));
    }

    private IvrTransition OnPin(IvrSession session, DigitsEntered input)
    {
        var keys = WithoutFinishKey(input.Keys);
        if (!IsDigits(keys, MinPinLength, MaxPinLength))
        {
            return Retry(session, input, IvrPhrases.EnterPin);
        }

        return IvrTransition.Request(
            session with { Step = IvrStep.VerifyingPin, Attempts = 0 },
            new VerifyPin { StaffId = session.StaffId!, Pin = new PinDigits(keys) });
    }

    private IvrTransition OnPinChecked(IvrSession session, PinChecked input, IvrContext context)
    {
        switch (input.Result)
        {
            case PinCheckResult.Accepted when context.Account.Staff.TryGetValue(session.StaffId!, out var staff):
                var menu = session with { Step = IvrStep.Menu, Authenticated = true, Attempts = 0 };
                return IvrTransition.Speak(menu, _menu.PromptFor(menu, context, staff, [IvrPhrases.Hello(staff.Name)]));
            case PinCheckResult.Locked:
                return End(session with { StaffId = null }, IvrStep.Locked, IvrPhrases.LockedOut);
            default:
                var failures = session.PinFailures + 1;
                var again = session with { Step = IvrStep.EnterStaffId, StaffId = null, PinFailures = failures, Attempts = 0 };
                return failures >= Options.MaxPinFailuresPerCall
                    ? End(again, IvrStep.Goodbye, IvrPhrases.NotRecognised)
                    : IvrTransition.Speak(again, EntryPrompt([IvrPhrases.NotRecognised, IvrPhrases.EnterStaffId]));
        }
    }

    private IvrTransition Retry(IvrSession session, DigitsEntered input, string prompt)
    {
        var attempts = session.Attempts + 1;
        var apology = input.Keys.Length == 0 ? IvrPhrases.NothingEntered : IvrPhrases.NotValid;
        return attempts >= Options.MaxAttempts
            ? End(session with { Attempts = attempts }, IvrStep.Goodbye, apology, IvrPhrases.TooManyAttempts)
            : IvrTransition.Speak(session with { Attempts = attempts }, EntryPrompt([apology, prompt]));
    }

    private static IvrTransition WithStaff(IvrSession session, IvrContext context, Func<StaffMember, IvrTransition> next)
    {
        if (!session.Authenticated || session.StaffId is null)
        {
            throw new InvalidOperationException($"The IVR session is in step {session.Step} without an authenticated staff member.");
        }

        // The staff record is read afresh at every step: a record deleted mid-call ends the session.
        return context.Account.Staff.TryGetValue(session.StaffId, out var staff)
            ? next(staff)
            : End(session, IvrStep.Goodbye, IvrPhrases.AccessRemoved);
    }

    private static string WithoutFinishKey(string keys) => keys.EndsWith('#') ? keys[..^1] : keys;

    private static bool IsDigits(string keys, int min, int max) =>
        keys.Length >= min && keys.Length <= max && keys.All(char.IsAsciiDigit);
}
