using System.Globalization;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Writes a lockout to the account's audit trail (GET /api/accounts/{account}/audit): action "ivr:lockout", resource
/// "staff/{id}" or "callers/{masked number}", channel "ivr", and a warning in the log.
/// </summary>
internal sealed class AccountIvrAuditTrail(ConfigStore store, ILogger<AccountIvrAuditTrail> logger) : IIvrAuditTrail
{
    public async Task LockoutBeganAsync(PinLockoutBegan lockout, IvrCall call, CancellationToken ct)
    {
        var key = lockout.Subject == PinLockoutSubject.Caller ? IvrLog.Mask(lockout.Key) : lockout.Key;
        IvrLog.LockoutBegan(logger, lockout.Subject, key, lockout.AccountId, lockout.Until);
        var resource = (lockout.Subject == PinLockoutSubject.Caller ? "callers/" : "staff/") + key;
        var after = new JsonObject
        {
            ["lockedUntil"] = lockout.Until.ToString("O", CultureInfo.InvariantCulture),
            ["callId"] = call.CallId,
            ["carrier"] = call.Carrier,
        }.ToJsonString();
        await store.WriteAsync(lockout.AccountId, [], _ => new ConfigChange
        {
            Action = "ivr:lockout",
            Resource = resource,
            After = after,
            BumpVersion = false,
        }, new AuditActor(IvrLog.Mask(call.CallerNumber), "caller", AuditActor.Ivr), ct);
    }
}
