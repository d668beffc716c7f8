namespace Smartnumbers.Core.Configuration;

/// <summary>Which stored plans are loaded (slots 1–5) and which one, if any, is active.</summary>
public sealed record DialPlanState
{
    public const int MaxLoaded = 5;
    /// <summary>Slot (1–5) → plan id.</summary>
    public IReadOnlyDictionary<int, string> LoadedSlots { get; init; } = new Dictionary<int, string>();
    public string? ActivePlanId { get; init; }
}
