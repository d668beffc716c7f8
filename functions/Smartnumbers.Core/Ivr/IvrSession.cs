namespace Smartnumbers.Core.Ivr;

/// <summary>
/// The state of one dial-in call between key presses. Holds no PIN, ever: the PIN travels only inside the
/// transient <see cref="VerifyPin"/> request.
/// </summary>
public sealed record IvrSession
{
    public IvrStep Step { get; init; } = IvrStep.EnterStaffId;
    /// <summary>The staff id keyed in (pending verification until <see cref="Authenticated"/>).</summary>
    public string? StaffId { get; init; }
    public bool Authenticated { get; init; }
    /// <summary>Consecutive invalid or missing entries at the current step.</summary>
    public int Attempts { get; init; }
    /// <summary>Wrong PINs in this call (the lockout across calls is kept by the caller of the machine).</summary>
    public int PinFailures { get; init; }
    /// <summary>The slot being confirmed or activated.</summary>
    public int? Slot { get; init; }
    /// <summary>The plan in <see cref="Slot"/> when it was chosen.</summary>
    public string? PlanId { get; init; }
}
