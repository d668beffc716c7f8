namespace Smartnumbers.Functions.Acs;

/// <summary>The "acs" block of GET /api/health: whether ACS is configured, and what its routes lose without a caller ID.</summary>
/// <param name="Configured">Acs__ConnectionString or Acs__Endpoint is set.</param>
/// <param name="CallerId">Acs__CallerId is set (PSTN legs we add need it).</param>
/// <param name="Degraded">What ACS routes lose as configured now; empty when nothing.</param>
public sealed record AcsHealth(bool Configured, bool CallerId, IReadOnlyList<string> Degraded)
{
    /// <summary>Without Acs__CallerId a connect is redirected to its first destination: all of these are dropped.</summary>
    public static IReadOnlyList<string> WithoutCallerId { get; } = ["multi-step routes", "simultaneous ring", "announcements", "risk headers"];

    public static AcsHealth From(AcsOptions options)
    {
        var callerId = !string.IsNullOrWhiteSpace(options.CallerId);
        return new AcsHealth(options.IsEnabled, callerId, options.IsEnabled && !callerId ? WithoutCallerId : []);
    }
}
