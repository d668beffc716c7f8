using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Scheduling;

/// <summary>
/// A planned closure: activate <see cref="Plan"/> at <see cref="Activation"/>'s time and, optionally, deactivate it at
/// <see cref="Deactivation"/>'s. <see cref="Fire"/> is the whole rule of what firing does; the caller commits the entry and
/// the plan state it returns together, so an entry fires exactly once.
/// </summary>
public sealed record PlanSchedule
{
    public const int MaxNoteLength = 500;

    /// <summary>Sortable id: the activation time then a random tail.</summary>
    public required string Id { get; init; }
    public required string Plan { get; init; }
    public required ScheduledSwitch Activation { get; init; }
    public ScheduledSwitch? Deactivation { get; init; }
    public string? Note { get; init; }
    /// <summary>Who scheduled it (the API key id).</summary>
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CancelledBy { get; init; }

    /// <summary>The halves still waiting, in order.</summary>
    public IEnumerable<ScheduledSwitch> Pending =>
        new[] { Activation, Deactivation }.Where(s => s is { IsPending: true }).Select(s => s!);

    /// <summary>
    /// Fires the half that is due: the activation first, then the deactivation. An activation replaces whatever plan is
    /// active (a person's, the IVR's, the health failover's) as a person would; it fails only when the plan is no longer
    /// loaded. A deactivation deactivates only the plan this entry activated: when another plan is active by then, or the
    /// activation never fired, it is skipped and routing is left as it is.
    /// </summary>
    public ScheduleFiring Fire(DialPlanState state, DateTimeOffset now)
    {
        if (Activation.IsDue(now))
        {
            if (!state.LoadedSlots.Values.Contains(Plan))
            {
                return Done(ScheduleFiringKind.Failed, null, $"failed: plan {Plan} is not loaded", now);
            }

            if (state.ActivePlanId == Plan)
            {
                return Done(ScheduleFiringKind.Activated, null, $"plan {Plan} was already active", now);
            }

            var detail = state.ActivePlanId is { } replaced ? $"activated plan {Plan}, replacing active plan {replaced}" : $"activated plan {Plan}";
            return Done(ScheduleFiringKind.Activated, state with { ActivePlanId = Plan }, detail, now);
        }

        if (Deactivation?.IsDue(now) == true)
        {
            if (Activation.Status != ScheduleStatus.Fired)
            {
                return Done(ScheduleFiringKind.Skipped, null, $"skipped: plan {Plan} was not activated by this entry ({Activation.Status.ToString().ToLowerInvariant()})", now);
            }

            if (state.ActivePlanId != Plan)
            {
                var active = state.ActivePlanId is { } other ? $"plan {other} is active" : "normal routing is active";
                return Done(ScheduleFiringKind.Skipped, null, $"skipped: plan {Plan} is no longer active ({active})", now);
            }

            return Done(ScheduleFiringKind.Deactivated, state with { ActivePlanId = null }, $"deactivated plan {Plan}", now);
        }

        return new ScheduleFiring(ScheduleFiringKind.NothingDue, this, null, "nothing due");
    }

    /// <summary>Cancels every half still pending; null when nothing is pending (it all fired, was skipped or cancelled).</summary>
    public PlanSchedule? Cancel(string who, DateTimeOffset now)
    {
        if (!Pending.Any())
        {
            return null;
        }

        var detail = "cancelled by " + who;
        return this with
        {
            Activation = Activation.IsPending ? Activation.Done(ScheduleStatus.Cancelled, now, detail) : Activation,
            Deactivation = Deactivation is { IsPending: true } d ? d.Done(ScheduleStatus.Cancelled, now, detail) : Deactivation,
            CancelledBy = who,
        };
    }

    /// <summary>Field errors of a new entry: both times in the future, the deactivation after the activation, the plan loaded.</summary>
    public IReadOnlyList<FieldError> Validate(DialPlanState state, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (Activation.At <= now)
        {
            errors.Add(new("activateAt", "is in the past."));
        }

        if (Deactivation is { } d && d.At <= Activation.At)
        {
            errors.Add(new("deactivateAt", "must be after activateAt."));
        }

        if (!state.LoadedSlots.Values.Contains(Plan))
        {
            errors.Add(new("plan", $"plan {Plan} is not loaded; load it into a slot first."));
        }

        if (Note?.Length > MaxNoteLength)
        {
            errors.Add(new("note", $"must have at most {MaxNoteLength} characters."));
        }

        return errors;
    }

    private ScheduleFiring Done(ScheduleFiringKind kind, DialPlanState? next, string detail, DateTimeOffset now)
    {
        var status = kind switch
        {
            ScheduleFiringKind.Skipped => ScheduleStatus.Skipped,
            ScheduleFiringKind.Failed => ScheduleStatus.Failed,
            _ => ScheduleStatus.Fired,
        };
        var entry = kind is ScheduleFiringKind.Activated or ScheduleFiringKind.Failed
            ? this with { Activation = Activation.Done(status, now, detail) }
            : this with { Deactivation = Deactivation!.Done(status, now, detail) };
        return new ScheduleFiring(kind, entry, next, detail);
    }
}
