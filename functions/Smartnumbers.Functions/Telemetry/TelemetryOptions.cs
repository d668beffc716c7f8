namespace Smartnumbers.Functions.Telemetry;

/// <summary>Settings under <c>Telemetry</c> (environment: <c>Telemetry__…</c>).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Console exporter for traces and metrics when Application Insights is not configured. Default: true in Development.</summary>
    public bool? Console { get; set; }

    /// <summary>
    /// Key of the HMAC that stands for the caller's number on webhook spans (<c>smartnumbers.caller.hash</c>). Held in
    /// Key Vault in Azure. Empty: spans carry no caller attribute at all. Rotating it makes new hashes differ from old ones.
    /// </summary>
    public string? CallerHashKey { get; set; }

    /// <summary>Share of traces kept by Azure Monitor (0–1). Default 1: every call's spans, so its webhooks are found together.</summary>
    public float SamplingRatio { get; set; } = 1f;

    /// <summary>Azure Monitor Live Metrics (a standing connection per instance). Default off, to keep start-up and idle cost low.</summary>
    public bool LiveMetrics { get; set; }
}
