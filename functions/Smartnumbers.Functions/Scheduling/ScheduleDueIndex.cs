using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Scheduling;

/// <summary>
/// Where the timer finds what is due without scanning every account: one row per scheduled half, in one partition,
/// keyed by its due time. A hint only: the entry row in the account's configuration says what is still pending, so a
/// row left behind (an entry cancelled, or never written) fires nothing and is removed when it comes due.
/// </summary>
internal sealed class ScheduleDueIndex(TableStore store)
{
    public const string TableName = "ScheduleDue";
    private const string Partition = "due";

    private TableClient Table => store.Table(TableName);

    public Task AddAsync(DateTimeOffset at, string account, string entryId, string half, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(Partition, Key(at, account, entryId, half)) { ["Account"] = account, ["Entry"] = entryId }, TableUpdateMode.Replace, ct);

    /// <summary>Every row due at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<DueSwitch>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var end = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var due = new List<DueSwitch>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {end}"), cancellationToken: ct))
        {
            due.Add(new DueSwitch(e.RowKey, e.GetString("Account") ?? "", e.GetString("Entry") ?? ""));
        }

        return due;
    }

    public async Task RemoveAsync(string rowKey, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Another instance removed it first.
        }
    }

    private static string Key(DateTimeOffset at, string account, string entryId, string half) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}|{account}|{entryId}|{half}");
}
