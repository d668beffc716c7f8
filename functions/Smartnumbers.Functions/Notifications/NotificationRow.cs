using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// How a notification is kept in an outbox table: PartitionKey = account, RowKey = "~notify|" + hash of its id (out of
/// the ranges the call path and the CloudEvents publisher read). Each channel's progress is a column of the same row,
/// so every step is one ETag-conditional update.
/// </summary>
internal static class NotificationRow
{
    public const string Prefix = "~notify|";
    public const string Filter = "RowKey ge '~notify|' and RowKey lt '~notify}'";

    public static string RowKey(string id) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];

    public static TableEntity ToEntity(Notification n) => new(n.AccountId, RowKey(n.Id))
    {
        ["NotificationId"] = n.Id,
        ["Kind"] = n.Kind,
        ["Time"] = n.Time,
        ["Title"] = n.Title,
        ["Text"] = n.Text,
        ["Data"] = n.DataJson,
    };

    /// <summary>True once every channel is delivered, failed or not wanted.</summary>
    public static bool IsDone(TableEntity e) => e.GetBoolean("Done") == true;

    /// <summary>True when some channel gave up (kept for an operator).</summary>
    public static bool HasFailed(TableEntity e) => e.GetBoolean("Failed") == true;

    public static Notification FromEntity(TableEntity e) => new(
        e.GetString("NotificationId"), e.PartitionKey, e.GetString("Kind"), e.GetDateTimeOffset("Time") ?? DateTimeOffset.MinValue,
        e.GetString("Title"), e.GetString("Text"), e.GetString("Data") ?? "{}");

    /// <summary>A channel's state; an entry whose targets are not resolved yet has none (null).</summary>
    public static ChannelState? State(TableEntity e, string channel) =>
        e.GetString(channel + "State") is { } s && Enum.TryParse<ChannelState>(s, out var state) ? state : null;

    public static void SetState(TableEntity e, string channel, ChannelState state) => e[channel + "State"] = state.ToString();

    public static int Attempts(TableEntity e, string channel) =>
        e.TryGetValue(channel + "Attempts", out var a) && a is not null ? Convert.ToInt32(a, CultureInfo.InvariantCulture) : 0;

    public static DateTimeOffset? NotBefore(TableEntity e, string channel) => e.GetDateTimeOffset(channel + "NotBefore");
}
