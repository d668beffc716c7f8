namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>An ACS user identity (<c>8:acs:…</c>).</summary>
public sealed record CommunicationUserIdentifierModel(string Id);
