namespace Smartnumbers.Functions.Acs.Events;

/// <summary>SIP headers (≤5 X-MS-Custom-*, one UUI) and VoIP headers sent with the call.</summary>
public sealed record IncomingCallCustomContext(Dictionary<string, string>? SipHeaders, Dictionary<string, string>? VoipHeaders);
