namespace Smartnumbers.Core.Configuration;

/// <summary>The route a dial plan gives one number.</summary>
public sealed record DialPlanEntry
{
    public required string Number { get; init; }
    public required Route Route { get; init; }
}
