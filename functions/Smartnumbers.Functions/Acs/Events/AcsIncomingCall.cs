namespace Smartnumbers.Functions.Acs.Events;

/// <summary>An IncomingCall event reduced to what screening and routing need.</summary>
/// <param name="EventId">Event Grid's id (deduplication key).</param>
/// <param name="CalledNumber">E.164 of our number (the <c>to</c> party).</param>
/// <param name="Caller">The <c>from</c> party.</param>
/// <param name="IncomingCallContext">Opaque; passed back unchanged on answer, redirect or reject.</param>
public sealed record AcsIncomingCall(
    string EventId,
    string CalledNumber,
    CallerIdentity Caller,
    string IncomingCallContext,
    string? ServerCallId,
    string? CorrelationId,
    IReadOnlyDictionary<string, string> SipHeaders)
{
    /// <summary>The call's id in records and telemetry: the correlation id its callbacks carry too, else the server call id, else the event id.</summary>
    public string CallId => CorrelationId ?? ServerCallId ?? EventId;

    public static AcsIncomingCall? From(string eventId, IncomingCallEventData data)
    {
        var to = CallerIdentity.From(data.To);
        if (string.IsNullOrEmpty(data.IncomingCallContext))
        {
            return null;
        }

        return new AcsIncomingCall(
            eventId,
            to.Number ?? to.RawId,
            CallerIdentity.From(data.From),
            data.IncomingCallContext,
            data.ServerCallId,
            data.CorrelationId,
            data.CustomContext?.SipHeaders ?? new Dictionary<string, string>());
    }
}
