using System.ComponentModel.DataAnnotations;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Functions.Ivr;

/// <summary>The dial-in line's settings (section <c>Ivr</c>, e.g. <c>Ivr__LockoutMinutes</c>).</summary>
public sealed class DialInOptions
{
    public const string Section = "Ivr";

    /// <summary>Wrong PINs from one caller number, or against one staff record, that lock it (default 5).</summary>
    [Range(1, 100)]
    public int MaxPinFailures { get; set; } = 5;

    /// <summary>How long a lock lasts (default 15 minutes).</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Wrong PINs older than this no longer count towards a lock (default 15 minutes).</summary>
    [Range(1, 24 * 60)]
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>A session ends this long after the caller's last input (default 15 minutes).</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 15;

    /// <summary>Invalid or missing entries in a row at one prompt before the call ends (default 3).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wrong PINs within one call before it ends (default 3).</summary>
    [Range(1, 10)]
    public int MaxPinFailuresPerCall { get; set; } = 3;

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan FailureWindow => TimeSpan.FromMinutes(FailureWindowMinutes);

    public TimeSpan SessionLifetime => TimeSpan.FromMinutes(SessionMinutes);

    public IvrOptions Machine => new() { MaxAttempts = MaxAttempts, MaxPinFailuresPerCall = MaxPinFailuresPerCall };
}
