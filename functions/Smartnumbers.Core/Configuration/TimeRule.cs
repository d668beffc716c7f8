namespace Smartnumbers.Core.Configuration;

/// <summary>
/// A time-of-day window: the route that holds the rule applies on <see cref="Days"/> (1 = Monday … 7 = Sunday)
/// between <see cref="From"/> and <see cref="To"/> ("HH:mm", local to <see cref="TimeZone"/>); outside it, <see cref="Otherwise"/>.
/// </summary>
public sealed record TimeRule
{
    public required IReadOnlyList<int> Days { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string? TimeZone { get; init; }
    public Route? Otherwise { get; init; }
}
