using Smartnumbers.Core;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Answers the machine's <see cref="VerifyPin"/>: refuses at once when the caller or staff record is locked, verifies the
/// PIN (slow hash; an unknown staff id costs the same time), counts a wrong PIN towards both locks and audits a lock
/// that starts. The PIN itself goes only to <see cref="IPinVerifier"/>.
/// </summary>
internal sealed class IvrPinCheck(IPinVerifier verifier, PinLockouts lockouts, IIvrAuditTrail audit, ILogger<IvrPinCheck> logger)
{
    public async Task<PinCheckResult> CheckAsync(IvrCall call, AccountSnapshot account, VerifyPin request, CancellationToken ct)
    {
        var result = await DecideAsync(call, account, request, ct);
        var caller = IvrLog.Mask(call.CallerNumber);
        IvrLog.PinChecked(logger, call.CallId, request.StaffId, caller, result);
        return result;
    }

    private async Task<PinCheckResult> DecideAsync(IvrCall call, AccountSnapshot account, VerifyPin request, CancellationToken ct)
    {
        if (await lockouts.IsLockedAsync(call, request.StaffId, ct))
        {
            return PinCheckResult.Locked;
        }

        var pin = request.Pin.Reveal();
        bool matches;
        if (account.Staff.TryGetValue(request.StaffId, out var staff))
        {
            matches = verifier.Verify(pin, staff.PinHash);
        }
        else
        {
            verifier.Waste(pin);
            matches = false;
        }

        if (matches)
        {
            await lockouts.ClearStaffAsync(call.AccountId, request.StaffId, ct);
            return PinCheckResult.Accepted;
        }

        var began = await lockouts.RecordFailureAsync(call, request.StaffId, ct);
        foreach (var lockout in began)
        {
            await audit.LockoutBeganAsync(lockout, call, ct);
        }

        return began.Count > 0 ? PinCheckResult.Locked : PinCheckResult.Rejected;
    }
}
