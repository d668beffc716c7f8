namespace Smartnumbers.Functions.Ivr;

/// <summary>What a run of wrong PINs locks.</summary>
public enum PinLockoutSubject
{
    /// <summary>The calling number (all withheld callers of an account share one key).</summary>
    Caller,
    /// <summary>The staff record the PINs were tried against.</summary>
    Staff,
}
