namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>The <c>data</c> of Smartnumbers.Site.Down and Smartnumbers.Site.Restored.</summary>
/// <param name="Failback">Restored only: "noFailover", "restored" or "leftManualChange".</param>
/// <param name="Note">A sentence for people, e.g. why the failover plan was left active.</param>
public sealed record SiteEventData(
    string Site,
    string Name,
    string Status,
    string Detail,
    IReadOnlyList<string> Destinations,
    string? FailoverPlan,
    DateTimeOffset? DownSince,
    string? Failback,
    string? RestoredPlan,
    string? Note);
