namespace Smartnumbers.Functions.Acs;

/// <summary>The ACS area's log messages (no caller numbers, secrets or tokens).</summary>
internal static partial class AcsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS is configured but Acs__CallerId is not set: ACS connects are redirected to their first destination, dropping {Degraded}. Set Acs__CallerId to an ACS phone number (E.164)")]
    public static partial void CallerIdMissing(ILogger logger, string degraded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS delivery to {Path} refused: authentication failed")]
    public static partial void DeliveryRefused(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Grid delivered a {Type} event whose data cannot be read ({Error}); ignored")]
    public static partial void UnreadableEvent(ILogger logger, string type, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event Grid subscription validation answered")]
    public static partial void SubscriptionValidated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "IncomingCall {EventId}: duplicate delivery ignored")]
    public static partial void DuplicateEvent(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "IncomingCall {EventId}: {Action} in {ElapsedMs} ms")]
    public static partial void CallHandled(ILogger logger, string eventId, string action, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IncomingCall {EventId}: event ledger unavailable ({Error}); deduplicating on this instance only")]
    public static partial void LedgerUnavailable(ILogger logger, string eventId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "IncomingCall {EventId}: routing failed")]
    public static partial void RoutingFailed(ILogger logger, string eventId, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "IncomingCall {EventId}: {Action} failed; falling back to the normal route")]
    public static partial void ActionFailed(ILogger logger, string eventId, string action, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "IncomingCall {EventId}: fallback redirect failed; releasing the event for Event Grid's retry")]
    public static partial void FallbackFailed(ILogger logger, string eventId, Exception? ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "IncomingCall {EventId} left alone: {Why}")]
    public static partial void CallIgnored(ILogger logger, string eventId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {Name} for unknown call {CallId}")]
    public static partial void UnknownCall(ILogger logger, string name, string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: {Name} ({Context}) → {Phase}")]
    public static partial void CallbackApplied(ILogger logger, string callId, string name, string? context, Calls.AcsCallPhase phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: {Operation} failed")]
    public static partial void OperationFailed(ILogger logger, string callId, string operation, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: no flow handler named {Flow}; hanging up")]
    public static partial void NoFlowHandler(ILogger logger, string callId, string flow);
}
