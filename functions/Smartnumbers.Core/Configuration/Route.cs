namespace Smartnumbers.Core.Configuration;

/// <summary>Steps tried in order, an optional announcement before the first, and optional time-of-day rules.</summary>
public sealed record Route
{
    public required IReadOnlyList<RouteStep> Steps { get; init; }
    public string? Announcement { get; init; }
    public IReadOnlyList<TimeRule>? Rules { get; init; }
}
