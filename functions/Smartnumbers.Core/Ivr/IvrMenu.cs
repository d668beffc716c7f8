using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Ivr;

/// <summary>
/// The authenticated part of the dial-in line. Operators may use every option; staff only 8 and 9.
/// Menu keys: 1–5 activate the plan loaded in that slot (after confirming with 1), 0 deactivate, 8 personal override
/// to the calling phone, 9 cancel it, * repeat, # finish.
/// </summary>
internal sealed class IvrMenu(IvrOptions options)
{
    public IvrTransition Next(IvrSession session, IvrInput input, IvrContext context, StaffMember staff) => (session.Step, input) switch
    {
        (IvrStep.Menu, DigitsEntered d) => OnMenuKey(session, d, context, staff),
        (IvrStep.ConfirmPlan, DigitsEntered d) => OnConfirm(session, d, context, staff),
        (IvrStep.ChooseOverrideExpiry, DigitsEntered d) => OnExpiry(session, d, context, staff),
        (IvrStep.Applying, ActionCompleted a) => ToMenu(session, context, staff, Outcome(a, context)),
        _ => throw new InvalidOperationException($"The IVR cannot take {input.GetType().Name} in step {session.Step}."),
    };

    /// <summary>The prompt of the session's step, after <paramref name="lead"/>.</summary>
    public IvrPrompt PromptFor(IvrSession session, IvrContext context, StaffMember staff, IReadOnlyList<string> lead) => session.Step switch
    {
        IvrStep.ConfirmPlan => KeyPrompt([.. lead, IvrPhrases.Confirm(session.Slot!.Value, PlanName(context, session.PlanId!))]),
        IvrStep.ChooseOverrideExpiry => KeyPrompt([.. lead, IvrPhrases.ExpiryChoices]),
        _ => KeyPrompt([.. lead, .. MenuSentences(context, staff)]),
    };

    private IvrTransition OnMenuKey(IvrSession session, DigitsEntered input, IvrContext context, StaffMember staff)
    {
        var key = input.Keys.Length == 1 ? input.Keys[0] : '\0';
        var isOperator = staff.Role == StaffRole.Operator;
        switch (key)
        {
            case >= '1' and <= '5' when isOperator:
                return OnSlot(session, key - '0', context, staff);
            case '0' when isOperator:
                return Request(session, new DeactivatePlans { StaffId = staff.Id });
            case >= '0' and <= '5':
                return ToMenu(session, context, staff, [IvrPhrases.NotPermitted]);
            case '8' when context.CallerNumber is null:
                return ToMenu(session, context, staff, [IvrPhrases.WithheldNoOverride]);
            case '8' or '9' when staff.Numbers.Count == 0:
                return ToMenu(session, context, staff, [IvrPhrases.NoOwnNumbers]);
            case '8':
                return Ask(session with { Step = IvrStep.ChooseOverrideExpiry }, context, staff);
            case '9':
                return Request(session, new CancelOverride { StaffId = staff.Id, Numbers = staff.Numbers });
            case '*':
                return ToMenu(session, context, staff, []);
            case '#':
                return IvrMachine.End(session, IvrStep.Done);
            default:
                return Retry(session, input, context, staff);
        }
    }

    private IvrTransition OnSlot(IvrSession session, int slot, IvrContext context, StaffMember staff)
    {
        var state = context.Account.PlanState;
        if (!state.LoadedSlots.TryGetValue(slot, out var planId) || !context.Account.Plans.ContainsKey(planId))
        {
            return ToMenu(session, context, staff, [IvrPhrases.EmptySlot(slot)]);
        }

        if (string.Equals(state.ActivePlanId, planId, StringComparison.Ordinal))
        {
            return ToMenu(session, context, staff, [IvrPhrases.AlreadyActive(PlanName(context, planId))]);
        }

        return Ask(session with { Step = IvrStep.ConfirmPlan, Slot = slot, PlanId = planId }, context, staff);
    }

    private IvrTransition OnConfirm(IvrSession session, DigitsEntered input, IvrContext context, StaffMember staff)
    {
        if (input.Keys != "1")
        {
            return input.Keys == "*" ? ToMenu(session, context, staff, []) : Retry(session, input, context, staff);
        }

        var slot = session.Slot!.Value;
        var planId = session.PlanId!;
        // The account may have changed since the slot was chosen (the admin API, another caller).
        if (!context.Account.PlanState.LoadedSlots.TryGetValue(slot, out var now) || now != planId || !context.Account.Plans.ContainsKey(planId))
        {
            return ToMenu(session, context, staff, [IvrPhrases.PlansChanged]);
        }

        return Request(session, new ActivatePlan { StaffId = staff.Id, Slot = slot, PlanId = planId, PlanName = PlanName(context, planId) });
    }

    private IvrTransition OnExpiry(IvrSession session, DigitsEntered input, IvrContext context, StaffMember staff)
    {
        if (input.Keys == "*")
        {
            return ToMenu(session, context, staff, []);
        }

        if (input.Keys is not ("1" or "2" or "3"))
        {
            return Retry(session, input, context, staff);
        }

        if (context.CallerNumber is null || staff.Numbers.Count == 0)
        {
            // Option 8 is only offered with both; a snapshot change mid-call lands here.
            return ToMenu(session, context, staff, [context.CallerNumber is null ? IvrPhrases.WithheldNoOverride : IvrPhrases.NoOwnNumbers]);
        }

        var expiry = (OverrideExpiry)(input.Keys[0] - '0');
        var zone = OverrideExpiries.Zone(context.Account.Settings.TimeZone);
        return Request(session, new SetOverride
        {
            StaffId = staff.Id,
            Numbers = staff.Numbers,
            Destination = context.CallerNumber,
            Expiry = expiry,
            ExpiresAt = OverrideExpiries.ExpiresAt(expiry, context.Now, zone),
        });
    }

    private static List<string> Outcome(ActionCompleted completed, IvrContext context) => (completed.Action, completed.Outcome) switch
    {
        (_, IvrActionOutcome.Failed) => [IvrPhrases.ChangeFailed],
        (ActivatePlan a, IvrActionOutcome.Applied) => [IvrPhrases.NowActive(a.PlanName)],
        (ActivatePlan a, IvrActionOutcome.NoChange) => [IvrPhrases.AlreadyActive(a.PlanName)],
        (ActivatePlan a, _) => [IvrPhrases.NoLongerLoaded(a.Slot, a.PlanName)],
        (DeactivatePlans, IvrActionOutcome.Applied) => [IvrPhrases.Deactivated],
        (DeactivatePlans, _) => [IvrPhrases.NothingToDeactivate],
        (SetOverride s, IvrActionOutcome.Applied or IvrActionOutcome.NoChange) =>
            [IvrPhrases.OverrideSet(IvrPhrases.For(s.Expiry, s.ExpiresAt is { } at ? TimeZoneInfo.ConvertTime(at, OverrideExpiries.Zone(context.Account.Settings.TimeZone)) : null))],
        (CancelOverride, IvrActionOutcome.Applied) => [IvrPhrases.OverrideCancelled],
        (CancelOverride, _) => [IvrPhrases.NoOverrideToCancel],
        _ => [IvrPhrases.ChangeFailed],
    };

    private static IvrTransition Request(IvrSession session, IvrAction action) =>
        IvrTransition.Request(session with { Step = IvrStep.Applying, Attempts = 0 }, action);

    private IvrTransition Ask(IvrSession session, IvrContext context, StaffMember staff) =>
        IvrTransition.Speak(session with { Attempts = 0 }, PromptFor(session, context, staff, []));

    private IvrTransition ToMenu(IvrSession session, IvrContext context, StaffMember staff, IReadOnlyList<string> lead)
    {
        var menu = session with { Step = IvrStep.Menu, Attempts = 0, Slot = null, PlanId = null };
        return IvrTransition.Speak(menu, PromptFor(menu, context, staff, lead));
    }

    private IvrTransition Retry(IvrSession session, DigitsEntered input, IvrContext context, StaffMember staff)
    {
        var attempts = session.Attempts + 1;
        var apology = input.Keys.Length == 0 ? IvrPhrases.NothingEntered : IvrPhrases.NotValid;
        return attempts >= options.MaxAttempts
            ? IvrMachine.End(session with { Attempts = attempts }, IvrStep.Goodbye, apology, IvrPhrases.TooManyAttempts)
            : IvrTransition.Speak(session with { Attempts = attempts }, PromptFor(session, context, staff, [apology]));
    }

    private IvrPrompt KeyPrompt(IReadOnlyList<string> sentences) => new(sentences, new IvrGather(1, FinishOnHash: false, options.MenuTimeout));

    private static IEnumerable<string> MenuSentences(IvrContext context, StaffMember staff)
    {
        if (staff.Role == StaffRole.Operator)
        {
            var state = context.Account.PlanState;
            yield return state.ActivePlanId is { } active ? IvrPhrases.Active(PlanName(context, active)) : IvrPhrases.NoActivePlan;
            foreach (var (slot, planId) in state.LoadedSlots.OrderBy(s => s.Key))
            {
                yield return IvrPhrases.Loaded(slot, PlanName(context, planId));
            }

            yield return IvrPhrases.OptionsPlans;
        }

        if (context.CallerNumber is not null && staff.Numbers.Count > 0)
        {
            yield return IvrPhrases.OptionOverride;
        }

        if (staff.Numbers.Count > 0)
        {
            yield return IvrPhrases.OptionCancel;
        }

        yield return IvrPhrases.OptionsEnd;
    }

    private static string PlanName(IvrContext context, string planId) =>
        context.Account.Plans.TryGetValue(planId, out var plan) ? plan.Name : planId;
}
