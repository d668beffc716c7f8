namespace Smartnumbers.Functions.Scheduling;

/// <summary>
/// POST …/schedules body: activate <see cref="Plan"/> at <see cref="ActivateAt"/> and, optionally, deactivate it at
/// <see cref="DeactivateAt"/>. Times are ISO 8601 with an offset, or a local time in the account's time zone.
/// </summary>
public sealed record ScheduleRequest
{
    public required string Plan { get; init; }
    public required string ActivateAt { get; init; }
    public string? DeactivateAt { get; init; }
    public string? Note { get; init; }
}
