using System.Globalization;
using Azure.Data.Tables;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>Audit entries beside the site state: RowKey "audit|{inverted ticks}|{subject}|{action}" (newest first).</summary>
internal static class HealthAuditRow
{
    public const string Filter = "RowKey ge 'audit|' and RowKey lt 'audit}'";

    public static TableEntity ToEntity(string accountId, HealthAuditEntry a)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - a.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var key = $"audit|{inverted}|{a.Subject.Replace('/', ':')}|{a.Action}";
        return new TableEntity(accountId, key)
        {
            ["At"] = a.At,
            ["Who"] = a.Who,
            ["Channel"] = a.Channel,
            ["Action"] = a.Action,
            ["Subject"] = a.Subject,
            ["Before"] = a.Before,
            ["After"] = a.After,
            ["Detail"] = a.Detail.Length > 2000 ? a.Detail[..2000] : a.Detail,
        };
    }

    public static HealthAuditEntry FromEntity(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("Who"),
        e.GetString("Channel"),
        e.GetString("Action"),
        e.GetString("Subject"),
        e.GetString("Before"),
        e.GetString("After"),
        e.GetString("Detail"));
}
