namespace Smartnumbers.Core.Configuration;

/// <summary>One step of a route: its destinations ring together for up to <see cref="RingSeconds"/>.</summary>
public sealed record RouteStep
{
    /// <summary>E.164 numbers or sip: URIs, rung simultaneously.</summary>
    public required IReadOnlyList<string> Destinations { get; init; }
    /// <summary>How long the step rings before the next one is tried (5–600 s).</summary>
    public int RingSeconds { get; init; } = 20;

    /// <summary>True when <paramref name="destination"/> passes the same rule as a step's destinations: E.164 or sip:user@host.</summary>
    public static bool IsValidDestination(string? destination)
    {
        var errors = new List<FieldError>(1);
        ConfigChecks.Destination(destination, "destination", errors);
        return errors.Count == 0;
    }
}
