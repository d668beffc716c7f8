using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>What one site's round did.</summary>
/// <param name="Conflict">Another instance changed the state first; this round recorded nothing.</param>
public sealed record SiteRoundOutcome(string AccountId, string SiteId, SiteHealthStatus Status, bool Transitioned, bool Conflict, IReadOnlyList<ProbeResult> Results);
