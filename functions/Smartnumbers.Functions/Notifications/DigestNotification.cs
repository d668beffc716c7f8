using System.Globalization;
using System.Text.Json.Nodes;
using Smartnumbers.Core.Notifications;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// A blocked-calls digest as a notification; its id names the account and period, so it is sent once. With the app's
/// public base URL it links to the console's call log filtered to the digest's calls (its reasons and period); the link
/// carries filters only, never a key: the console asks the reader to sign in.
/// </summary>
internal static class DigestNotification
{
    public static Notification For(string account, string accountName, BlockedCallsDigest digest, string? consoleBaseUrl)
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
        var text = digest.Text();
        if (consoleBaseUrl is not null)
        {
            var link = CallLogLink(consoleBaseUrl, digest);
            data["callLog"] = link;
            text += "\n\nThese calls in the call log: " + link;
        }

        var id = $"digest:{account}:{digest.From.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}:{digest.To.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
        return new Notification(id, account, NotificationKinds.BlockedCallsDigest, digest.To, digest.Title(accountName), text, data.ToJsonString());
    }

    /// <summary>{base}/api/console/#/calls?reason=blocked%2Cacr%2Cicr-*&amp;from=…Z&amp;to=…Z: the period's covered calls.</summary>
    public static string CallLogLink(string consoleBaseUrl, BlockedCallsDigest digest)
    {
        static string Utc(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return $"{consoleBaseUrl.TrimEnd('/')}/api/console/#/calls?reason={Uri.EscapeDataString(BlockedCallsDigest.CoveredReasons)}&from={Utc(digest.From)}&to={Utc(digest.To)}";
    }
}
