namespace Smartnumbers.Core.Configuration;

/// <summary>A delivery site: PUT /api/accounts/{account}/sites/{site}.</summary>
public sealed record Site
{
    public required string Name { get; init; }
    /// <summary>Destinations (E.164 or sip:) that live at this site; skipped by routing while the site is down.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];
    public IReadOnlyList<Probe> Probes { get; init; } = [];
    /// <summary>Consecutive failed rounds that mark the site down (1–10).</summary>
    public int DownAfter { get; init; } = 3;
    /// <summary>Consecutive healthy rounds that mark it up again (1–10).</summary>
    public int UpAfter { get; init; } = 2;
    /// <summary>Plan activated when the site goes down; null: none.</summary>
    public string? FailoverPlan { get; init; }
}
