namespace Smartnumbers.Core.Ivr;

/// <summary>Check the PIN against the staff record's hash (slow) and the lockouts (storage); answer with <see cref="PinChecked"/>.</summary>
public sealed record VerifyPin : IvrAction
{
    public required PinDigits Pin { get; init; }

    public override string Describe() => $"verify the PIN of staff {StaffId}";
}
