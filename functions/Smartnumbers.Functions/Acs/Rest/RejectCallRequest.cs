namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections:reject; <see cref="CallRejectReason"/> is none|busy|forbidden.</summary>
public sealed record RejectCallRequest(string IncomingCallContext, string? CallRejectReason);
