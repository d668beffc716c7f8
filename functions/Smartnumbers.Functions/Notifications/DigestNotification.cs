using System.Globalization;
using System.Text.Json.Nodes;
using Smartnumbers.Core.Notifications;

namespace Smartnumbers.Functions.Notifications;

/// <summary>A blocked-calls digest as a notification; its id names the account and period, so it is sent once.</summary>
internal static class DigestNotification
{
    public static Notification For(string account, string accountName, BlockedCallsDigest digest)
    {
        static JsonArray Rows(IReadOnlyList<KeyValuePair<string, int>> rows) =>
            [.. rows.Select(r => (JsonNode)new JsonObject { ["key"] = r.Key, ["count"] = r.Value })];
        var data = new JsonObject
        {
            ["from"] = digest.From,
            ["to"] = digest.To,
            ["total"] = digest.Total,
            ["byReason"] = Rows(digest.ByReason),
            ["byNumber"] = Rows(digest.ByNumber),
            ["topCallers"] = Rows(digest.TopCallers),
        };
        var id = $"digest:{account}:{digest.From.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}:{digest.To.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
        return new Notification(id, account, NotificationKinds.BlockedCallsDigest, digest.To, digest.Title(accountName), digest.Text(), data.ToJsonString());
    }
}
