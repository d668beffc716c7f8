namespace Smartnumbers.Functions.Acs.Routing;

internal static partial class AcsRoutingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "IncomingCall {EventId}: no account has the called number; rejecting as unallocated")]
    public static partial void UnknownNumber(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: divert cap did not answer in time; routing normally")]
    public static partial void CapSlow(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the record of call {CallId}: {Error}")]
    public static partial void RecordFailed(ILogger logger, string callId, string error);
}
