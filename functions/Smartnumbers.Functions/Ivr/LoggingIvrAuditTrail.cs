namespace Smartnumbers.Functions.Ivr;

/// <summary>Writes dial-in security events to the log (warning level) until the account audit log takes them.</summary>
internal sealed class LoggingIvrAuditTrail(ILogger<LoggingIvrAuditTrail> logger) : IIvrAuditTrail
{
    public Task LockoutBeganAsync(PinLockoutBegan lockout, IvrCall call, CancellationToken ct)
    {
        var key = lockout.Subject == PinLockoutSubject.Caller ? IvrLog.Mask(lockout.Key) : lockout.Key;
        IvrLog.LockoutBegan(logger, lockout.Subject, key, lockout.AccountId, lockout.Until);
        return Task.CompletedTask;
    }
}
