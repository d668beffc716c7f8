using Smartnumbers.Functions.Acs.Rest;

namespace Smartnumbers.Functions.Acs.Events;

/// <summary>The <c>data</c> of Microsoft.Communication.IncomingCall (members we use).</summary>
public sealed record IncomingCallEventData
{
    public CommunicationIdentifierModel? To { get; init; }
    public CommunicationIdentifierModel? From { get; init; }
    public string? ServerCallId { get; init; }
    public string? CallerDisplayName { get; init; }
    public string? IncomingCallContext { get; init; }
    public IncomingCallCustomContext? CustomContext { get; init; }
    public string? CorrelationId { get; init; }
}
