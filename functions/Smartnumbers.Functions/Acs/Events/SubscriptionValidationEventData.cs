namespace Smartnumbers.Functions.Acs.Events;

public sealed record SubscriptionValidationEventData(string? ValidationCode, string? ValidationUrl);
