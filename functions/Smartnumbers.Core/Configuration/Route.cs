namespace Smartnumbers.Core.Configuration;

/// <summary>Steps tried in order, an optional announcement before the first, and optional time-of-day rules.</summary>
public sealed record Route
{
    public required IReadOnlyList<RouteStep> Steps { get; init; }
    public string? Announcement { get; init; }
    public IReadOnlyList<TimeRule>? Rules { get; init; }

    /// <summary>Field-level errors; empty when valid. Field names start with <paramref name="field"/>.</summary>
    public IReadOnlyList<FieldError> Validate(string field = "route")
    {
        var errors = new List<FieldError>();
        ConfigChecks.Route(this, field, errors);
        return errors;
    }
}
