namespace Smartnumbers.Core.Notifications;

/// <summary>How often the blocked-calls digest goes out.</summary>
public static class DigestIntervals
{
    public const string Hourly = "hourly";
    public const string Daily = "daily";
}
