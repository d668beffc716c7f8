using System.Text.Json.Nodes;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>
/// Applies a CSV upload of one <see cref="IBulkKind"/> to an account, all or nothing: every row is parsed and checked
/// first (every error reported with its row and column); then the rows that change are written in one entity-group
/// transaction with one audit row naming the counts and holding each changed document's before and after. The
/// transaction is conditional on every changed row being as it was when the upload was checked.
/// </summary>
internal sealed class BulkUpload(ConfigDocuments documents, NumberIndex index, IDocumentValidator validator)
{
    /// <summary>Most rows one upload may change: one transaction holds 100 operations, two go to the version and the audit row.</summary>
    public const int MaxChanges = 98;

    public async Task<BulkOutcome> ApplyAsync(IBulkKind kind, string account, string text, bool dryRun, AuditActor actor, CancellationToken ct)
    {
        var (cells, readErrors, tooMany) = await BulkCsv.ReadAsync(text, kind.Columns, kind.Required, ct);
        if (tooMany)
        {
            return new BulkOutcome([], [], $"An upload may hold at most {BulkCsv.MaxRows} rows.");
        }

        if (readErrors.Count > 0)
        {
            return new BulkOutcome([], readErrors);
        }

        var current = await CurrentAsync(kind, account, ct);
        var numbers = kind is NumberCsv
            ? current.Keys.Select(k => k[ConfigRows.NumberPrefix.Length..]).ToHashSet(StringComparer.Ordinal)
            : (await documents.Store.ListAsync(account, ConfigRows.NumberPrefix, ct)).Select(r => r.RowKey[ConfigRows.NumberPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var context = new BulkContext(account, current, numbers, validator);
        var errors = new List<CsvError>();
        var items = new List<BulkItem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in cells)
        {
            if (kind.Parse(row, context, errors) is not { } item)
            {
                continue;
            }

            if (!seen.TryAdd(item.RowKey, item.Row))
            {
                errors.Add(new CsvError(item.Row, kind.Required[^1], $"{item.Key} is already on row {seen[item.RowKey]}."));
                continue;
            }

            if (item.Claim is { } claim && await index.FindAccountAsync(claim, ct) is { } owner && owner != account)
            {
                errors.Add(new CsvError(item.Row, "number", $"{claim} belongs to another account."));
                continue;
            }

            items.Add(item);
        }

        if (errors.Count > 0)
        {
            return new BulkOutcome([], [.. errors.OrderBy(e => e.Row)]);
        }

        var results = items.Select(i => new BulkRowResult(i.Row, i.Key, Result(kind, i, current))).ToList();
        var changed = items.Where((_, n) => results[n].Result != "unchanged").ToList();
        if (changed.Count > MaxChanges)
        {
            return new BulkOutcome([], [], $"An upload may change at most {MaxChanges} rows (this one would change {changed.Count}): it is applied all or nothing"
                + $" as one storage transaction, which holds at most 100 operations ({MaxChanges} rows, the version and the audit entry). Split the file; unchanged rows do not count.");
        }

        if (dryRun || changed.Count == 0)
        {
            return new BulkOutcome(results, []);
        }

        return await WriteAsync(kind, account, current, changed, results, actor, ct);
    }

    private async Task<BulkOutcome> WriteAsync(IBulkKind kind, string account, IReadOnlyDictionary<string, StoredRow> current,
        List<BulkItem> changed, List<BulkRowResult> results, AuditActor actor, CancellationToken ct)
    {
        var claimed = new List<string>();
        foreach (var number in changed.Select(i => i.Claim).OfType<string>())
        {
            if (!await index.ClaimAsync(number, account, ct))
            {
                await ReleaseAsync(claimed, account, ct);
                return new BulkOutcome([], [], Outcome: WriteOutcome.Conflict, Detail: $"{number} was claimed by another account meanwhile; nothing was imported.");
            }

            claimed.Add(number);
        }

        var rowChanges = changed.Select(i => Change(i, current.GetValueOrDefault(i.RowKey))).ToList();
        var note = $"{kind.Name}:import created {results.Count(r => r.Result == "created")}, updated {results.Count(r => r.Result == "updated")}, unchanged {results.Count(r => r.Result == "unchanged")}";
        var result = await documents.WriteAsync(account, [ConfigRows.Account, .. changed.Select(i => i.RowKey)], rows =>
        {
            if (rows[ConfigRows.Account] is null)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.");
            }

            if (changed.FirstOrDefault(i => rows[i.RowKey]?.ETag != current.GetValueOrDefault(i.RowKey)?.ETag) is { } moved)
            {
                return ConfigChange.Refuse(WriteOutcome.PreconditionFailed, $"{moved.Key} (row {moved.Row}) changed while the upload was checked; nothing was imported, upload it again.");
            }

            var before = new JsonObject();
            var after = new JsonObject();
            foreach (var i in changed)
            {
                before[i.Key] = current.GetValueOrDefault(i.RowKey)?.Json is { } b ? JsonNode.Parse(b) : null;
                var doc = JsonNode.Parse(i.Json)!.AsObject();
                if (i.Pin is not null)
                {
                    doc["pinChanged"] = true;
                }

                after[i.Key] = doc;
            }

            return new ConfigChange { Rows = rowChanges, Action = "import", Resource = kind.Name + ":import", Before = before.ToJsonString(), After = after.ToJsonString(), Note = note };
        }, actor, ct);
        if (result.Outcome != WriteOutcome.Done)
        {
            await ReleaseAsync(claimed, account, ct);
            return new BulkOutcome([], [], Outcome: result.Outcome, Detail: result.Change.Detail);
        }

        return new BulkOutcome(results, []);
    }

    /// <summary>The row to write; a staff row carries its PIN hash (the new one when the file gave a PIN, else the stored one).</summary>
    private static RowChange Change(BulkItem item, StoredRow? current)
    {
        var hash = item.Pin is { } pin ? PinHasher.Hash(pin) : current?.Entity.GetString(StaffView.PinHashProperty);
        return new RowChange(item.RowKey, item.Json) { Properties = hash is null ? null : new Dictionary<string, object> { [StaffView.PinHashProperty] = hash } };
    }

    private static string Result(IBulkKind kind, BulkItem item, Dictionary<string, StoredRow> current) =>
        !current.TryGetValue(item.RowKey, out var row) || row.Json is null ? "created"
        : item.Pin is null && kind.Normalize(row.Json) == item.Json ? "unchanged"
        : "updated";

    private async Task<Dictionary<string, StoredRow>> CurrentAsync(IBulkKind kind, string account, CancellationToken ct)
    {
        var current = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        foreach (var prefix in kind.Prefixes)
        {
            foreach (var row in await documents.Store.ListAsync(account, prefix, ct))
            {
                current[row.RowKey] = row;
            }
        }

        return current;
    }

    /// <summary>Every stored document of the kind, by row key (for the export).</summary>
    public async Task<IReadOnlyList<StoredRow>> ExportRowsAsync(IBulkKind kind, string account, CancellationToken ct) =>
        [.. (await CurrentAsync(kind, account, ct)).Values.Where(r => r.Json is not null).OrderBy(r => r.RowKey, StringComparer.Ordinal)];

    private async Task ReleaseAsync(List<string> claimed, string account, CancellationToken ct)
    {
        foreach (var number in claimed)
        {
            await index.ReleaseAsync(number, account, ct);
        }
    }
}
