namespace Smartnumbers.Functions.Acs.Routing;

internal static partial class AcsRoutingLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the record of call {CallId}: {Error}")]
    public static partial void RecordFailed(ILogger logger, string callId, string error);
}
