namespace Smartnumbers.Functions.Hosting;

/// <summary>Settings of the hosting mode. Section "Hosting".</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>True when FUNCTIONS_CUSTOMHANDLER_PORT is set: the Functions host triggers the timers.</summary>
    public bool UnderFunctionsHost { get; set; }

    /// <summary>
    /// When not under the Functions host, run the timer functions from their function.json schedules (default true).
    /// Never both: under the host this is ignored.
    /// </summary>
    public bool RunTimersStandalone { get; set; } = true;
}
