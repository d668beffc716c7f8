namespace Smartnumbers.Functions.Accounts;

/// <summary>Section "Snapshots": how often the call path checks an account's version, and how long it waits for storage.</summary>
public sealed class SnapshotOptions
{
    public const string Section = "Snapshots";

    /// <summary>A snapshot checked within this long is served without any storage read. Default 1 s (0.1–5 s).</summary>
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a call waits for a version check or reload before the last-known snapshot is served. Default 1.5 s.</summary>
    public TimeSpan CallPathBudget { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// When a snapshot is already held, how long a call waits for its revalidation before the held one is served and
    /// the check finishes in the background (stale-while-revalidate). Default 50 ms: a slow storage never holds a call.
    /// </summary>
    public TimeSpan RevalidationBudget { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Numbers remembered per instance (default 100 000). Past it, those no account has are forgotten, so a flood of
    /// calls to numbers that are not ours cannot grow memory without bound; owned numbers are always kept.
    /// </summary>
    public int MaxCachedNumbers { get; set; } = 100_000;

    /// <summary>Pause between attempts to read a number or account this instance has never read. Default 100 ms.</summary>
    public TimeSpan ColdRetryPause { get; set; } = TimeSpan.FromMilliseconds(100);
}
