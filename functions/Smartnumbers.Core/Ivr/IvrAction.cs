namespace Smartnumbers.Core.Ivr;

/// <summary>
/// A request the machine makes of the world. The caller of the machine performs it and feeds the result back:
/// <see cref="VerifyPin"/> → <see cref="PinChecked"/>, every other action → <see cref="ActionCompleted"/>.
/// </summary>
public abstract record IvrAction
{
    /// <summary>The staff member on whose behalf the request is made (keyed in, not yet verified for <see cref="VerifyPin"/>).</summary>
    public required string StaffId { get; init; }

    /// <summary>One line for logs and the audit trail; never holds a PIN.</summary>
    public abstract string Describe();
}
