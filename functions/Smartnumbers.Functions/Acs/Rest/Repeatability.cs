namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>
/// Repeatability-Request-ID and Repeatability-First-Sent of one logical operation: minted once, sent unchanged on
/// every retry so ACS performs the operation at most once.
/// </summary>
public sealed record Repeatability(Guid RequestId, DateTimeOffset FirstSent)
{
    public static Repeatability New(TimeProvider time) => new(Guid.NewGuid(), time.GetUtcNow());

    /// <summary>IMF-fixdate, as the header requires.</summary>
    public string FirstSentHeader => FirstSent.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
}
