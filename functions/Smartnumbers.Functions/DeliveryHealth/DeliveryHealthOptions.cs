using System.ComponentModel.DataAnnotations;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>Settings of the probe round (section "DeliveryHealth").</summary>
public sealed class DeliveryHealthOptions
{
    public const string Section = "DeliveryHealth";

    /// <summary>Sites probed at the same time (1–256; default 32). Each site runs its probes concurrently.</summary>
    [Range(1, 256)]
    public int MaxConcurrentSites { get; set; } = 32;

    /// <summary>A round gives up on sites still running after this many seconds (1–28; default 20), well inside the 30 s period.</summary>
    [Range(1, 28)]
    public int RoundBudgetSeconds { get; set; } = 20;

    /// <summary>How far back the passive signal looks at call outcomes (seconds, 30–3600; default 300).</summary>
    [Range(30, 3600)]
    public int PassiveWindowSeconds { get; set; } = 300;

    /// <summary>Failed recent calls (with none reaching the site) that make the passive signal unhealthy (1–100; default 3).</summary>
    [Range(1, 100)]
    public int PassiveMinFailures { get; set; } = 3;
}
