namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Layout of the <see cref="Table"/> table. PartitionKey = account id; one entity per document, keyed by a row-key prefix.
/// Rows the call path needs sort below '~'; the audit trail and API keys sort above it, so a snapshot load is one range query
/// and every configuration write commits together with its audit row in one entity-group transaction.
/// </summary>
internal static class ConfigRows
{
    public const string Table = "AccountConfig";
    public const string NumberIndexTable = "NumberIndex";

    /// <summary>The account document (settings).</summary>
    public const string Account = "account";

    /// <summary>The version row: property <see cref="VersionProperty"/>, bumped by every write the call path can see.</summary>
    public const string Meta = "meta";
    public const string VersionProperty = "Version";

    public const string PlanState = "planstate";
    public const string NumberPrefix = "number|";
    public const string PlanPrefix = "plan|";
    public const string OverridePrefix = "override|";
    public const string BlockPrefix = "list|block|";
    public const string AllowPrefix = "list|allow|";
    public const string SitePrefix = "site|";

    /// <summary>Live site health written by the probes: property <see cref="SiteDownProperty"/> (bool).</summary>
    public const string SiteStatePrefix = "sitestate|";
    public const string SiteDownProperty = "Down";
    public const string StaffPrefix = "staff|";

    /// <summary>Everything at or above this sorts out of the snapshot.</summary>
    public const string PrivateFloor = "~";
    public const string AuditPrefix = "~audit|";
    public const string KeyPrefix = "~key|";

    /// <summary>Scheduled plan switches (<c>PlanSchedule</c> documents): not on the call path.</summary>
    public const string SchedulePrefix = "~schedule|";

    /// <summary>The account's notification settings (<c>NotificationSettings</c>): not on the call path.</summary>
    public const string Notifications = "~notifications";

    public static string Number(string e164) => NumberPrefix + e164;

    public static string Plan(string id) => PlanPrefix + id;

    public static string Override(string e164) => OverridePrefix + e164;

    public static string ListEntry(CallerListKind kind, string entry) => ListPrefix(kind) + entry;

    public static string ListPrefix(CallerListKind kind) => kind == CallerListKind.Block ? BlockPrefix : AllowPrefix;

    public static string Site(string id) => SitePrefix + id;

    public static string SiteState(string id) => SiteStatePrefix + id;

    public static string Staff(string id) => StaffPrefix + id;

    public static string Key(string id) => KeyPrefix + id;

    public static string Schedule(string id) => SchedulePrefix + id;

    /// <summary>OData filter for the rows of one account whose row key starts with <paramref name="prefix"/>.</summary>
    public static string PrefixFilter(string account, string prefix) =>
        Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {account} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
