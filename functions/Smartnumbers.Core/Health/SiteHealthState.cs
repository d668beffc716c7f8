namespace Smartnumbers.Core.Health;

/// <summary>The persisted health of one site; changed only by <see cref="SiteHealthMachine"/>.</summary>
public sealed record SiteHealthState
{
    public static SiteHealthState Initial { get; } = new();

    public SiteHealthStatus Status { get; init; } = SiteHealthStatus.Up;
    public int ConsecutiveFailures { get; init; }
    public int ConsecutiveSuccesses { get; init; }
    /// <summary>When the current status began (null: never transitioned).</summary>
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? LastRoundAt { get; init; }
    /// <summary>What the last round saw, e.g. "sip:…: 503 Service Unavailable".</summary>
    public string? LastDetail { get; init; }
    /// <summary>Number of Up/Down transitions so far; part of stable event ids.</summary>
    public long Transitions { get; init; }
    /// <summary>While up after an outage: when that outage began (kept for the failback's Restored event).</summary>
    public DateTimeOffset? DownSinceMemo { get; init; }
    /// <summary>Set while a failover plan is (to be) active for this site's outage.</summary>
    public FailoverRecord? Failover { get; init; }

    /// <summary>Down with a failover plan whose activation has not been recorded yet.</summary>
    public bool FailoverPending => Status == SiteHealthStatus.Down && Failover is { Activated: false };

    /// <summary>Up again while the failover plan we activated (or may have activated: prepared, not yet recorded) is still
    /// to be handed back.</summary>
    public bool FailbackPending => Status == SiteHealthStatus.Up && Failover is { Activated: true } or { Prepared: true };
}
