using System.Globalization;
using Azure.Data.Tables;
using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>How a <see cref="SiteHealthState"/> is stored: table SiteHealth, PartitionKey = account, RowKey = "site|{site}".</summary>
internal static class SiteHealthRow
{
    public const string Prefix = "site|";
    public const string Filter = "RowKey ge 'site|' and RowKey lt 'site}'";

    public static string RowKey(string siteId) => Prefix + siteId;

    public static string SiteId(string rowKey) => rowKey[Prefix.Length..];

    public static TableEntity ToEntity(string accountId, string siteId, SiteHealthState s) => new(accountId, RowKey(siteId))
    {
        ["Status"] = s.Status.ToString(),
        ["ConsecutiveFailures"] = s.ConsecutiveFailures,
        ["ConsecutiveSuccesses"] = s.ConsecutiveSuccesses,
        ["Since"] = s.Since,
        ["LastRoundAt"] = s.LastRoundAt,
        ["LastDetail"] = Truncate(s.LastDetail),
        ["Transitions"] = s.Transitions,
        ["DownSinceMemo"] = s.DownSinceMemo,
        ["FailoverPlan"] = s.Failover?.PlanId,
        ["FailoverActivated"] = s.Failover?.Activated,
        ["FailoverPreviousPlan"] = s.Failover?.PreviousPlanId,
        ["FailoverVersion"] = s.Failover?.VersionAfterActivation,
        ["FailoverVersionBefore"] = s.Failover?.VersionBeforeActivation,
    };

    public static SiteHealthState FromEntity(TableEntity e)
    {
        var plan = e.GetString("FailoverPlan");
        return new SiteHealthState
        {
            Status = Enum.Parse<SiteHealthStatus>(e.GetString("Status")),
            ConsecutiveFailures = e.GetInt32("ConsecutiveFailures") ?? 0,
            ConsecutiveSuccesses = e.GetInt32("ConsecutiveSuccesses") ?? 0,
            Since = e.GetDateTimeOffset("Since"),
            LastRoundAt = e.GetDateTimeOffset("LastRoundAt"),
            LastDetail = e.GetString("LastDetail"),
            Transitions = e.GetInt64("Transitions") ?? Convert.ToInt64(e.GetInt32("Transitions") ?? 0, CultureInfo.InvariantCulture),
            DownSinceMemo = e.GetDateTimeOffset("DownSinceMemo"),
            Failover = plan is null
                ? null
                : new FailoverRecord(plan, e.GetBoolean("FailoverActivated") ?? false, e.GetString("FailoverPreviousPlan"), e.GetString("FailoverVersion"),
                    e.GetString("FailoverVersionBefore")),
        };
    }

    private static string? Truncate(string? s) => s is { Length: > 2000 } ? s[..2000] : s;
}
