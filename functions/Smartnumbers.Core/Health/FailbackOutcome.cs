namespace Smartnumbers.Core.Health;

/// <summary>What happened to the active plan when a site came back.</summary>
public enum FailbackOutcome
{
    /// <summary>No failover plan had been activated for the outage.</summary>
    NoFailover,
    /// <summary>The plan active before the outage (or normal routing) was restored.</summary>
    Restored,
    /// <summary>Someone changed the active plan by hand during the outage; it was left as it is.</summary>
    LeftManualChange,
}
