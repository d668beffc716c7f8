namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>A phone number identifier: <c>value</c> in E.164, or "anonymous" for a withheld caller.</summary>
public sealed record PhoneNumberIdentifierModel(string Value, bool? IsAnonymous = null, string? AssertedId = null);
