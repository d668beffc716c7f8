namespace Smartnumbers.Core.Health;

/// <summary>Whether a site takes calls.</summary>
public enum SiteHealthStatus
{
    /// <summary>Healthy (or never probed): its destinations are used.</summary>
    Up,
    /// <summary>Marked down after <c>downAfter</c> failed rounds: routing skips its destinations.</summary>
    Down,
}
