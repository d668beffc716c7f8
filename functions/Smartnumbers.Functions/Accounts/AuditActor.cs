namespace Smartnumbers.Functions.Accounts;

/// <summary>Who made a change and through which channel.</summary>
/// <param name="Who">The API key id ("bootstrap" for the configured bootstrap key), the staff id on the IVR, the site id for health,
/// or "schedule/{entry id}" for a scheduled switch.</param>
/// <param name="Role">admin | operator | viewer (API), staff | operator (IVR), system (health, schedule).</param>
/// <param name="Channel">api | ivr | health | schedule.</param>
public sealed record AuditActor(string Who, string Role, string Channel)
{
    /// <summary>Why a system channel acted, carried into the change's event (health: <see cref="PlanChangedData.Failover"/> or
    /// <see cref="PlanChangedData.Failback"/>); null for people.</summary>
    public string? Cause { get; init; }

    public const string Api = "api";
    public const string Ivr = "ivr";
    public const string Health = "health";
    public const string Schedule = "schedule";
}
