namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections:redirect (no caller-ID field exists).</summary>
public sealed record RedirectCallRequest(string IncomingCallContext, CommunicationIdentifierModel Target);
