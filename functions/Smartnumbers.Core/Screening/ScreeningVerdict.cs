using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Screening;

/// <summary>A screening rule caught the call: which reason, the configured response, and why in words.</summary>
internal sealed record ScreeningVerdict(string Reason, ScreeningResponse Response, string? AnnouncementText, string Explanation);
