namespace Smartnumbers.Functions.Acs.Events;

/// <summary>The 200 reply to Event Grid's validation handshake.</summary>
public sealed record SubscriptionValidationResponse(string ValidationResponse);
