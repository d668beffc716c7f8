namespace Smartnumbers.Core.Configuration;

/// <summary>The limits every configuration document is validated against.</summary>
public static class ConfigLimits
{
    public const int MinRingSeconds = 5;
    public const int MaxRingSeconds = 600;
    public const int MaxStepsPerRoute = 10;
    public const int MaxDestinationsPerStep = 10;
    public const int MaxRulesPerRoute = 10;
    /// <summary>How deep otherwise routes may nest.</summary>
    public const int MaxRuleDepth = 3;
    public const int MaxAnnouncementLength = 1000;
    public const int MaxNameLength = 100;
    public const int MaxPlanEntries = 1000;
    public const int MaxPlanIdLength = 40;
    public const int MaxProbesPerSite = 10;
    public const int MaxSiteDestinations = 100;
    public const int MaxStaffNumbers = 50;
    public const int MinProbeTimeoutMs = 100;
    public const int MaxProbeTimeoutMs = 10000;
    public const int MaxHysteresis = 10;
    public const int MaxDivertsPerHourLimit = 10000;
}
