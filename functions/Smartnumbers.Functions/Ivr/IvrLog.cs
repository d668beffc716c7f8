namespace Smartnumbers.Functions.Ivr;

/// <summary>The dial-in line's log messages. No PIN is ever logged; caller numbers only in masked form.</summary>
internal static partial class IvrLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "IVR lockout: {Subject} {Key} of account {AccountId} locked until {Until:O} after too many wrong PINs")]
    public static partial void LockoutBegan(ILogger logger, PinLockoutSubject subject, string key, string accountId, DateTimeOffset until);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "IVR call {CallId}: {Action} → {Outcome}")]
    public static partial void ActionApplied(ILogger logger, string callId, string action, Smartnumbers.Core.Ivr.IvrActionOutcome outcome);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "IVR call {CallId}: PIN check for staff {StaffId} from {Caller}: {Result}")]
    public static partial void PinChecked(ILogger logger, string callId, string staffId, string caller, Smartnumbers.Core.Ivr.PinCheckResult result);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "IVR call {CallId}: a concurrent request changed the session; repeating its current prompt")]
    public static partial void SessionConflict(ILogger logger, string callId);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Error, Message = "IVR call {CallId}: {Action} failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception, string callId, string action);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Error, Message = "IVR call {CallId}: the line failed; the caller hears \"not available\"")]
    public static partial void LineFailed(ILogger logger, Exception exception, string callId);

    /// <summary>A caller number for logs: only its last three digits.</summary>
    public static string Mask(string? number) => number is { Length: > 3 } n ? "…" + n[^3..] : "anonymous";
}
