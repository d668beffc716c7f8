namespace Smartnumbers.Core.Ivr;

/// <summary>The expiry choices of menu option 8 (the key the caller presses in brackets).</summary>
public enum OverrideExpiry
{
    /// <summary>[1] One hour from now.</summary>
    OneHour = 1,
    /// <summary>[2] Midnight at the end of today, in the account's time zone.</summary>
    EndOfToday = 2,
    /// <summary>[3] Until cancelled (option 9, the admin API, or another override).</summary>
    UntilCancelled = 3,
}
