using System.Text.Json;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>Block and allow list entries as CSV: kind (block|allow), entry (E.164, "+prefix*" or "anonymous"), note.</summary>
internal sealed class ListCsv : IBulkKind
{
    public const int MaxNoteLength = 200;

    private static ConfigJsonContext Json => ConfigJsonContext.Web;

    public string Name => "lists";

    public ApiKeyRole Role => ApiKeyRole.Operator;

    public IReadOnlyList<string> Columns { get; } = ["kind", "entry", "note"];

    public IReadOnlyList<string> ExportColumns => Columns;

    public IReadOnlyList<string> Required { get; } = ["kind", "entry"];

    public IReadOnlyList<string> Prefixes { get; } = [ConfigRows.BlockPrefix, ConfigRows.AllowPrefix];

    public BulkItem? Parse(CsvCells cells, BulkContext context, List<CsvError> errors)
    {
        var before = errors.Count;
        var kind = cells.Get("kind") switch
        {
            "block" => CallerListKind.Block,
            "allow" => CallerListKind.Allow,
            _ => (CallerListKind?)null,
        };
        var entry = cells.Get("entry") ?? "";
        var note = cells.Get("note");
        if (kind is null)
        {
            errors.Add(new CsvError(cells.Row, "kind", "must be block or allow."));
        }

        if (!E164.IsListEntry(entry))
        {
            errors.Add(new CsvError(cells.Row, "entry", $"'{entry}' is not an E.164 number, a prefix such as +44909*, or \"anonymous\"."));
        }

        if (note?.Length > MaxNoteLength)
        {
            errors.Add(new CsvError(cells.Row, "note", $"must have at most {MaxNoteLength} characters."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var rowKey = ConfigRows.ListEntry(kind!.Value, entry);
        var current = context.Current.TryGetValue(rowKey, out var row) ? JsonSerializer.Deserialize(row.Json!, Json.CallerListEntry) : null;
        var document = new CallerListEntry { Note = cells.Has("note") ? note : current?.Note };
        return new BulkItem(cells.Row, cells.Get("kind") + "/" + entry, rowKey, JsonSerializer.Serialize(document, Json.CallerListEntry));
    }

    public string Normalize(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Json.CallerListEntry)!, Json.CallerListEntry);

    public IReadOnlyList<string?> Export(StoredRow row)
    {
        var block = row.RowKey.StartsWith(ConfigRows.BlockPrefix, StringComparison.Ordinal);
        var entry = row.RowKey[(block ? ConfigRows.BlockPrefix : ConfigRows.AllowPrefix).Length..];
        return [block ? "block" : "allow", entry, JsonSerializer.Deserialize(row.Json!, Json.CallerListEntry)?.Note];
    }
}
