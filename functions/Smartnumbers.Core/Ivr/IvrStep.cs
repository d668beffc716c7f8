namespace Smartnumbers.Core.Ivr;

/// <summary>Where a dial-in session is. The greeting is the first prompt of <see cref="EnterStaffId"/>.</summary>
public enum IvrStep
{
    /// <summary>Waiting for the staff id (3–10 digits, then #).</summary>
    EnterStaffId,
    /// <summary>Waiting for the PIN (4–12 digits, then #).</summary>
    EnterPin,
    /// <summary>A <see cref="VerifyPin"/> request is out; the next input must be <see cref="PinChecked"/>.</summary>
    VerifyingPin,
    /// <summary>Authenticated; waiting for one menu key.</summary>
    Menu,
    /// <summary>A plan slot was chosen; waiting for 1 to confirm.</summary>
    ConfirmPlan,
    /// <summary>Option 8 was chosen; waiting for the expiry choice.</summary>
    ChooseOverrideExpiry,
    /// <summary>A change request is out; the next input must be <see cref="ActionCompleted"/>.</summary>
    Applying,
    /// <summary>The caller finished (# in the menu). Terminal.</summary>
    Done,
    /// <summary>Too many invalid entries or wrong PINs in this call. Terminal.</summary>
    Goodbye,
    /// <summary>The caller or the staff record is locked out. Terminal.</summary>
    Locked,
}
