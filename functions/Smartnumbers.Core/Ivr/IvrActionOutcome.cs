namespace Smartnumbers.Core.Ivr;

/// <summary>How a change request (<see cref="ActivatePlan"/>, <see cref="DeactivatePlans"/>, <see cref="SetOverride"/>, <see cref="CancelOverride"/>) ended.</summary>
public enum IvrActionOutcome
{
    /// <summary>The change was made.</summary>
    Applied,
    /// <summary>Nothing needed changing (the plan was already active, no override to cancel, …).</summary>
    NoChange,
    /// <summary>The account changed meanwhile (the plan is no longer in that slot); nothing was changed.</summary>
    Stale,
    /// <summary>The change could not be made (storage failure, validation); nothing was changed.</summary>
    Failed,
}
