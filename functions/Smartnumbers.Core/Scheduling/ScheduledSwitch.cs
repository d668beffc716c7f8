namespace Smartnumbers.Core.Scheduling;

/// <summary>One half of a <see cref="PlanSchedule"/>: when it is due, and what became of it.</summary>
/// <param name="At">When it is due (the offset is the account's at that instant, or the one given).</param>
/// <param name="DoneAt">When it fired, was skipped, failed or was cancelled.</param>
/// <param name="Detail">What happened, in words ("skipped: plan leeds-closed is no longer active").</param>
public sealed record ScheduledSwitch(DateTimeOffset At, ScheduleStatus Status = ScheduleStatus.Pending, DateTimeOffset? DoneAt = null, string? Detail = null)
{
    public bool IsPending => Status == ScheduleStatus.Pending;

    public bool IsDue(DateTimeOffset now) => IsPending && At <= now;

    public ScheduledSwitch Done(ScheduleStatus status, DateTimeOffset now, string detail) => this with { Status = status, DoneAt = now, Detail = detail };
}
