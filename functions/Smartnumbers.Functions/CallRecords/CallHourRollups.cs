using System.Globalization;
using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// The table of hourly roll-ups of the call records: PartitionKey = account (as the records'), RowKey = the UTC hour
/// ("yyyyMMddHH"). A row holds one closed hour's folded figures (opaque text, written by the summary under the ETag it
/// read) or, once any record of that hour is written after it closed, only a stale mark, which makes the next summary
/// fold that hour from the records again. <see cref="CallRecordStore"/> marks after every record write, so no writer of
/// records can leave a roll-up behind its records.
/// </summary>
public sealed class CallHourRollups(TableStore store, TimeProvider time)
{
    public const string Table = "CallHourRollups";

    /// <summary>
    /// Clock slack between instances. A record write counts as a write to a closed hour once its hour ends less than this
    /// after the write, and an hour is rolled up only this long after it ends: a write to an hour rolled up is always marked.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>The format of <see cref="CallHourRollup.Figures"/> this version writes; rows of another format are folded again.</summary>
    public const int Format = 1;

    private const int ChunkChars = 30_000; // A string property holds 64 KiB (32 K UTF-16 characters).
    private const int MaxChunks = 15; // An entity holds 1 MiB.
    private const int MaxBatch = 100;
    private const int MaxTransactionChars = 1_000_000; // A transaction's body holds 4 MiB; JSON escapes the UTF-16 text.

    private TableClient Rows => store.Table(Table);

    /// <summary>Whether an hour has ended long enough ago to be rolled up.</summary>
    public bool IsClosed(DateTimeOffset hour) => hour.AddHours(1) <= time.GetUtcNow() - Grace;

    /// <summary>
    /// After records were written (their PartitionKey and RowKey, whose 19 first characters are the inverted start time):
    /// marks stale every hour among them that has ended or ends within <see cref="Grace"/>. Nothing for records of the
    /// open hour, the call path's case. Throws the storage exception: the writer writes the batch again.
    /// </summary>
    public async Task MarkWrittenAsync(IEnumerable<(string Partition, string Row)> records, CancellationToken ct)
    {
        var horizon = time.GetUtcNow() + Grace;
        var stale = records
            .Select(r => (r.Partition, Hour: TableKeys.FromInverted(r.Row) is { } at ? HourOf(at) : (DateTimeOffset?)null))
            .Where(r => r.Hour is { } h && h.AddHours(1) <= horizon)
            .Select(r => (r.Partition, Row: Key(r.Hour!.Value)))
            .Distinct()
            .ToList();
        foreach (var chunk in stale.GroupBy(r => r.Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)))
        {
            await Rows.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(r.Partition, r.Row) { ["Stale"] = true })), ct);
        }
    }

    /// <summary>The rows of an account's hours in [<paramref name="from"/>, <paramref name="to"/>), by hour.</summary>
    public async Task<IReadOnlyDictionary<DateTimeOffset, CallHourRollup>> ReadAsync(string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = new Dictionary<DateTimeOffset, CallHourRollup>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Safe(accountId)} and RowKey ge {Key(from)} and RowKey lt {Key(to)}");
        await foreach (var row in Rows.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (DateTimeOffset.TryParseExact(row.RowKey, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var hour))
            {
                var current = row.GetInt32("Format") == Format && row.GetBoolean("Stale") != true;
                rows[hour] = new CallHourRollup(hour, current ? Join(row) : null, row.ETag);
            }
        }

        return rows;
    }

    /// <summary>
    /// Stores folded figures for hours, each only if its row is still as read (<see cref="CallHourRollup.Version"/>; none:
    /// only if there is still no row). Answers how many were stored; a row changed meanwhile (a record written) or too
    /// large is left for the next summary to fold again.
    /// </summary>
    public async Task<int> StoreAsync(string accountId, IReadOnlyList<CallHourRollup> hours, CancellationToken ct)
    {
        var stored = 0;
        foreach (var chunk in Transactions(hours.Where(h => h.Figures is { Length: <= ChunkChars * MaxChunks })))
        {
            try
            {
                await Rows.SubmitTransactionAsync(chunk.Select(h => Action(accountId, h)), ct);
                stored += chunk.Count;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                stored += await StoreOneByOneAsync(chunk.Select(h => Action(accountId, h)), ct);
            }
        }

        return stored;
    }

    private async Task<int> StoreOneByOneAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        var stored = 0;
        foreach (var action in actions)
        {
            try
            {
                await Rows.SubmitTransactionAsync([action], ct);
                stored++;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // Written meanwhile: a record of that hour landed, or another summary stored it first.
            }
        }

        return stored;
    }

    /// <summary>The rows in transactions of at most 100 rows and <see cref="MaxTransactionChars"/> characters of figures.</summary>
    private static IEnumerable<List<CallHourRollup>> Transactions(IEnumerable<CallHourRollup> hours)
    {
        var chunk = new List<CallHourRollup>();
        var chars = 0;
        foreach (var hour in hours)
        {
            if (chunk.Count == MaxBatch || (chunk.Count > 0 && chars + hour.Figures!.Length > MaxTransactionChars))
            {
                yield return chunk;
                (chunk, chars) = ([], 0);
            }

            chunk.Add(hour);
            chars += hour.Figures!.Length;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static TableTransactionAction Action(string accountId, CallHourRollup hour)
    {
        var row = new TableEntity(TableKeys.Safe(accountId), Key(hour.Hour)) { ["Format"] = Format };
        var figures = hour.Figures!;
        for (var i = 0; i * ChunkChars < figures.Length || i == 0; i++)
        {
            row["Figures" + i.ToString(CultureInfo.InvariantCulture)] = figures.Substring(i * ChunkChars, Math.Min(ChunkChars, figures.Length - (i * ChunkChars)));
        }

        return hour.Version is { } version
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, version)
            : new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    private static string? Join(TableEntity row)
    {
        var parts = Enumerable.Range(0, MaxChunks).Select(i => row.GetString("Figures" + i.ToString(CultureInfo.InvariantCulture))).TakeWhile(p => p is not null);
        var figures = string.Concat(parts);
        return figures.Length > 0 ? figures : null;
    }

    /// <summary>The start of the UTC hour <paramref name="t"/> falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    private static string Key(DateTimeOffset hour) => HourOf(hour).ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}
