namespace Smartnumbers.Functions.Accounts;

/// <summary>The <c>data</c> of Smartnumbers.Override.Set.</summary>
public sealed record OverrideSetData(string Number, IReadOnlyList<string> Destinations, DateTimeOffset? ExpiresAt, string Channel, string Who);
