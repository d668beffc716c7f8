namespace Smartnumbers.Core.Configuration;

/// <summary>A disaster-recovery dial plan: PUT /api/accounts/{account}/plans/{plan}.</summary>
public sealed record DialPlan
{
    public required string Name { get; init; }
    public IReadOnlyList<DialPlanEntry> Entries { get; init; } = [];
    /// <summary>Route for the account's numbers the plan does not list; null leaves them on their normal route.</summary>
    public Route? DefaultRoute { get; init; }
}
