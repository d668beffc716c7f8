namespace Smartnumbers.Functions.Acs.Routing;

internal static partial class AcsRoutingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "IncomingCall {EventId}: no account has the called number; rejecting as unallocated")]
    public static partial void UnknownNumber(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Caller history unavailable ({Error}); deciding without it")]
    public static partial void HistoryUnavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the record of call {CallId}: {Error}")]
    public static partial void RecordFailed(ILogger logger, string callId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count call {CallId}: {Error}")]
    public static partial void CountFailed(ILogger logger, string callId, string error);
}
