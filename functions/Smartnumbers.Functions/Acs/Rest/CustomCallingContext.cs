namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>Headers carried to the new leg: ≤5 X-MS-Custom-* SIP headers (value ≤256), VoIP headers.</summary>
public sealed record CustomCallingContext(IReadOnlyDictionary<string, string> SipHeaders, IReadOnlyDictionary<string, string> VoipHeaders);
