namespace Smartnumbers.Core.Configuration;

/// <summary>Which stored plans are loaded (slots 1–5) and which one, if any, is active.</summary>
public sealed record DialPlanState
{
    public const int MaxLoaded = 5;
    /// <summary>Slot (1–5) → plan id.</summary>
    public IReadOnlyDictionary<int, string> LoadedSlots { get; init; } = new Dictionary<int, string>();
    public string? ActivePlanId { get; init; }

    /// <summary>Field-level errors: slots 1–5, loaded plans exist (with <paramref name="account"/>), the active plan is loaded.</summary>
    public IReadOnlyList<FieldError> Validate(AccountSnapshot? account = null)
    {
        var errors = new List<FieldError>();
        foreach (var (slot, planId) in LoadedSlots)
        {
            if (slot is < 1 or > MaxLoaded)
            {
                errors.Add(new($"loadedSlots.{slot}", $"Slots are 1 to {MaxLoaded}."));
            }
            if (account is not null && (planId is null || !account.Plans.ContainsKey(planId)))
            {
                errors.Add(new($"loadedSlots.{slot}", $"Plan '{planId}' does not exist."));
            }
        }
        if (LoadedSlots.Values.Distinct(StringComparer.Ordinal).Count() != LoadedSlots.Count)
        {
            errors.Add(new("loadedSlots", "A plan is loaded in two slots."));
        }
        if (ActivePlanId is not null && !LoadedSlots.Values.Contains(ActivePlanId))
        {
            errors.Add(new("activePlanId", "Only a loaded plan can be active."));
        }
        return errors;
    }
}
