namespace Smartnumbers.Core.Configuration;

/// <summary>Per-number fraud policy: above <see cref="Threshold"/> the call goes to <see cref="HighRiskRoute"/>, within an hourly cap.</summary>
public sealed record FraudPolicy
{
    public bool Enabled { get; init; }
    /// <summary>Score (0–100) at or above which a call is high risk.</summary>
    public int Threshold { get; init; } = 70;
    /// <summary>At most this many diverts to the high-risk route per clock hour; then calls route normally and are flagged.</summary>
    public int MaxDivertsPerHour { get; init; } = 20;
    public Route? HighRiskRoute { get; init; }
    /// <summary>Route for callers on the allow list (trusted); null means the normal route.</summary>
    public Route? TrustedRoute { get; init; }
    /// <summary>Pass the score and tags to the answering agent before answer.</summary>
    public bool NotifyAgent { get; init; } = true;

    internal void Validate(string field, List<FieldError> errors)
    {
        ConfigChecks.Range(Threshold, 0, 100, $"{field}.threshold", errors);
        ConfigChecks.Range(MaxDivertsPerHour, 0, ConfigLimits.MaxDivertsPerHourLimit, $"{field}.maxDivertsPerHour", errors);
        if (HighRiskRoute is not null)
        {
            ConfigChecks.Route(HighRiskRoute, $"{field}.highRiskRoute", errors);
        }
        if (TrustedRoute is not null)
        {
            ConfigChecks.Route(TrustedRoute, $"{field}.trustedRoute", errors);
        }
    }
}
