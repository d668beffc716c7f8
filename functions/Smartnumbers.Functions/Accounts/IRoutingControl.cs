using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Scheduling;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Switching of dial plans and personal overrides, shared by the admin API (channel "api"), the IVR dial-in ("ivr")
/// the health failover ("health") and
/// scheduled switches ("schedule"): the <see cref="AuditActor"/> names who and through which channel. Each switch is
/// ETag-guarded (<c>ifMatch</c>: the plan state's or the override's ETag; null = unconditional), audited exactly once,
/// and visible to the next call on this instance at once and on every instance within a second or so.
/// </summary>
public interface IRoutingControl
{
    /// <summary>The current plan state and its ETag (null ETag before any plan was ever loaded).</summary>
    Task<(DialPlanState State, string? ETag)> GetPlanStateAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Loads a stored plan into <paramref name="slot"/> (1–5) or, when null, the first free slot.</summary>
    Task<ControlResult> LoadPlanAsync(string accountId, string planId, int? slot, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Frees the plan's slot; refused (409) while the plan is active.</summary>
    Task<ControlResult> UnloadPlanAsync(string accountId, string planId, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Makes a loaded plan the active one (replacing any other active plan).</summary>
    Task<ControlResult> ActivatePlanAsync(string accountId, string planId, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Back to normal routing: no plan active.</summary>
    Task<ControlResult> DeactivatePlanAsync(string accountId, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Sets (or replaces) the personal override of one of the account's numbers.</summary>
    Task<ControlResult> SetOverrideAsync(string accountId, string number, PersonalOverride value, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fires the due half of a scheduled plan switch (channel "schedule") at <paramref name="now"/>: the entry and the
    /// plan state change together or not at all. Null when the entry does not exist; kind NothingDue when nothing was due
    /// (e.g. another instance fired it first).
    /// </summary>
    Task<ScheduleFiring?> FireScheduledAsync(string accountId, string entryId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Cancels the number's override (404 when none is set).</summary>
    Task<ControlResult> CancelOverrideAsync(string accountId, string number, AuditActor actor, string? ifMatch = null, CancellationToken cancellationToken = default);
}
