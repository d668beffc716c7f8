namespace Smartnumbers.Core.Configuration;

/// <summary>One health probe of a site.</summary>
public sealed record Probe
{
    public required ProbeKind Kind { get; init; }
    public required string Target { get; init; }
    /// <summary>Status codes counted healthy besides 2xx (SIP or HTTP). 408 is never healthy.</summary>
    public IReadOnlyList<int>? HealthyCodes { get; init; }
    /// <summary>Per-probe timeout in milliseconds (100–10000).</summary>
    public int TimeoutMs { get; init; } = 2000;
}
