namespace Smartnumbers.Functions.Ivr;

/// <summary>Where the dial-in line's security events go (the account's audit log).</summary>
public interface IIvrAuditTrail
{
    Task LockoutBeganAsync(PinLockoutBegan lockout, IvrCall call, CancellationToken ct);
}
