namespace Smartnumbers.Core.Notifications;

/// <summary>The notifications an account's people can ask for (the values of a target's <c>notifications</c> list).</summary>
public static class NotificationKinds
{
    /// <summary>A delivery site stopped answering its probes.</summary>
    public const string SiteDown = "siteDown";

    /// <summary>A delivery site answers its probes again.</summary>
    public const string SiteUp = "siteUp";

    /// <summary>The health probes activated a site's failover plan.</summary>
    public const string Failover = "failover";

    /// <summary>The health probes deactivated the failover plan again.</summary>
    public const string Failback = "failback";

    /// <summary>A number reached its hourly divert cap (once per number per clock hour).</summary>
    public const string DivertCapReached = "divertCapReached";

    /// <summary>Someone set a personal override through the dial-in line (IVR).</summary>
    public const string OverrideSetByIvr = "overrideSetByIvr";

    /// <summary>The periodic blocked-calls digest.</summary>
    public const string BlockedCallsDigest = "blockedCallsDigest";

    public static IReadOnlyList<string> All { get; } =
        [SiteDown, SiteUp, Failover, Failback, DivertCapReached, OverrideSetByIvr, BlockedCallsDigest];
}
