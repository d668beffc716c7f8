namespace Smartnumbers.Core.Health;

/// <summary>
/// The per-site state machine: N consecutive failed rounds mark a site down, M consecutive healthy rounds mark it up
/// (Kamailio dispatcher's probing/inactive thresholds; defaults 3 and 2). Pure: every call takes <c>now</c>, returns
/// the new state and the events it causes, and throws on an illegal transition.
/// </summary>
public static class SiteHealthMachine
{
    public const int MinThreshold = 1;
    public const int MaxThreshold = 10;

    /// <summary>Feeds one round's verdict.</summary>
    /// <param name="failoverPlan">The site's failover plan now (null: none); remembered when the site goes down.</param>
    public static SiteTransition Observe(SiteHealthState state, RoundVerdict verdict, int downAfter, int upAfter, string? failoverPlan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(verdict);
        CheckThreshold(downAfter, nameof(downAfter));
        CheckThreshold(upAfter, nameof(upAfter));
        if (state.LastRoundAt is { } last && now < last)
        {
            throw new InvalidOperationException($"Round at {now:O} is earlier than the last round at {last:O}: refusing to go back in time");
        }

        return verdict.Healthy ? Healthy(state, verdict.Detail, upAfter, now) : Failed(state, verdict.Detail, downAfter, failoverPlan, now);
    }

    /// <summary>
    /// Records what is active before the failover plan is switched on; legal while down with the failover pending and not
    /// yet activated (again, when the plan state changed since). Committed before the switch, so a round whose record of
    /// the switch is lost leaves the next one knowing what to restore.
    /// </summary>
    /// <param name="previousPlanId">The active plan now (null: normal routing); never the failover plan itself.</param>
    public static SiteTransition PrepareFailover(SiteHealthState state, string? previousPlanId, string versionBefore)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(versionBefore);
        if (!state.FailoverPending)
        {
            throw new InvalidOperationException($"No failover is pending (status {state.Status}, failover {state.Failover?.PlanId ?? "none"}, activated {state.Failover?.Activated})");
        }

        var plan = state.Failover!.PlanId;
        if (string.Equals(previousPlanId, plan, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The failover plan {plan} cannot be the plan to restore after it", nameof(previousPlanId));
        }

        return new SiteTransition(state with { Failover = new FailoverRecord(plan, false, previousPlanId, null, versionBefore) }, []);
    }

    /// <summary>Records that the failover plan was activated; legal only while down with a prepared failover pending.</summary>
    public static SiteTransition CompleteFailover(SiteHealthState state, string versionAfterActivation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(versionAfterActivation);
        if (!state.FailoverPending || !state.Failover!.Prepared)
        {
            throw new InvalidOperationException($"No prepared failover is pending (status {state.Status}, failover {state.Failover?.PlanId ?? "none"}, activated {state.Failover?.Activated}, prepared {state.Failover?.Prepared})");
        }

        var f = state.Failover;
        var next = state with { Failover = f with { Activated = true, VersionAfterActivation = versionAfterActivation } };
        return new SiteTransition(next, [new FailoverActivated(now, state.Transitions, f.PlanId, f.PreviousPlanId)]);
    }

    /// <summary>Records what became of the failover plan after recovery; legal only while up with a failback pending.</summary>
    /// <param name="outcome"><see cref="FailbackOutcome.NoFailover"/> only for a prepared failover whose switch turned out
    /// never to have been made.</param>
    /// <param name="restoredPlanId">With <see cref="FailbackOutcome.Restored"/>: the plan made active again (null: normal routing).</param>
    public static SiteTransition CompleteFailback(SiteHealthState state, FailbackOutcome outcome, string? restoredPlanId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.FailbackPending)
        {
            throw new InvalidOperationException($"No failback is pending (status {state.Status}, failover {state.Failover?.PlanId ?? "none"})");
        }

        if (outcome == FailbackOutcome.NoFailover && state.Failover!.Activated)
        {
            throw new ArgumentException("A failback after a recorded activation ends Restored or LeftManualChange", nameof(outcome));
        }

        var plan = state.Failover!.PlanId;
        var next = state with { Failover = null };
        var restored = new SiteRestored(now, state.Transitions, state.LastDetail ?? "healthy", DownSinceOf(state), outcome, plan,
            outcome == FailbackOutcome.Restored ? restoredPlanId : null);
        return new SiteTransition(next, [restored]);
    }

    private static SiteTransition Healthy(SiteHealthState state, string detail, int upAfter, DateTimeOffset now)
    {
        var next = state with
        {
            ConsecutiveSuccesses = checked(state.ConsecutiveSuccesses + 1),
            ConsecutiveFailures = 0,
            LastRoundAt = now,
            LastDetail = detail,
        };
        if (state.Status == SiteHealthStatus.Up || next.ConsecutiveSuccesses < upAfter)
        {
            return new SiteTransition(next, []);
        }

        var downSince = state.Since;
        next = next with { Status = SiteHealthStatus.Up, Since = now, Transitions = state.Transitions + 1, DownSinceMemo = downSince };
        if (state.Failover is { Activated: true } or { Prepared: true })
        {
            // The plan is handed back by CompleteFailback, whose event says whether it was restored or left. A prepared
            // failover may have been switched on without the record of it: the failback looks before it decides.
            return new SiteTransition(next, []);
        }

        next = next with { Failover = null };
        return new SiteTransition(next, [new SiteRestored(now, next.Transitions, detail, downSince, FailbackOutcome.NoFailover, state.Failover?.PlanId, null)]);
    }

    private static SiteTransition Failed(SiteHealthState state, string detail, int downAfter, string? failoverPlan, DateTimeOffset now)
    {
        var next = state with
        {
            ConsecutiveFailures = checked(state.ConsecutiveFailures + 1),
            ConsecutiveSuccesses = 0,
            LastRoundAt = now,
            LastDetail = detail,
        };
        if (state.Status == SiteHealthStatus.Down || next.ConsecutiveFailures < downAfter)
        {
            return new SiteTransition(next, []);
        }

        // A failover still held from an earlier outage (failback not yet done) is kept: its "before" is the one to restore.
        var failover = state.Failover ?? (string.IsNullOrEmpty(failoverPlan) ? null : new FailoverRecord(failoverPlan, false, null, null));
        next = next with { Status = SiteHealthStatus.Down, Since = now, Transitions = state.Transitions + 1, Failover = failover, DownSinceMemo = null };
        return new SiteTransition(next, [new SiteWentDown(now, next.Transitions, detail, next.ConsecutiveFailures, failover?.PlanId)]);
    }

    private static DateTimeOffset? DownSinceOf(SiteHealthState state) => state.DownSinceMemo;

    private static void CheckThreshold(int value, string name)
    {
        if (value is < MinThreshold or > MaxThreshold)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {MinThreshold}–{MaxThreshold}");
        }
    }
}
