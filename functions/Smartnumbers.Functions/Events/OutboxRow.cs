using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Smartnumbers.Functions.Events;

/// <summary>
/// How an <see cref="OutboxEvent"/> is stored: PartitionKey = account, RowKey = "~outbox|" + hash of the event id. The
/// '~' keeps the rows out of ranges an area reads for itself (the call path's configuration rows are those below '~').
/// </summary>
internal static class OutboxRow
{
    public const string Prefix = "~outbox|";
    /// <summary>The first RowKey after every "~outbox|…" key ('}' follows '|').</summary>
    public const string PrefixEnd = "~outbox}";
    public const string Filter = "RowKey ge '~outbox|' and RowKey lt '~outbox}'";

    public static string RowKey(string eventId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..32];

    public static TableEntity ToEntity(OutboxEvent e) => new(e.AccountId, RowKey(e.Id))
    {
        ["EventId"] = e.Id,
        ["Type"] = e.Type,
        ["Subject"] = e.Subject,
        ["Time"] = e.Time,
        ["Data"] = e.DataJson,
        ["Attempts"] = 0,
    };

    public static OutboxEvent FromEntity(TableEntity entity) => new(
        entity.GetString("EventId"),
        entity.GetString("Type"),
        entity.PartitionKey,
        entity.GetString("Subject"),
        entity.GetDateTimeOffset("Time") ?? DateTimeOffset.MinValue,
        entity.GetString("Data"));

    public static int Attempts(TableEntity entity) =>
        entity.TryGetValue("Attempts", out var a) && a is not null ? Convert.ToInt32(a, CultureInfo.InvariantCulture) : 0;
}
