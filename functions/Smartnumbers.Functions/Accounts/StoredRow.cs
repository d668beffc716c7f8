using Azure;
using Azure.Data.Tables;

namespace Smartnumbers.Functions.Accounts;

/// <summary>A row as read: its key, the JSON document it holds (if any), its ETag and the raw entity.</summary>
internal sealed record StoredRow(string RowKey, string? Json, ETag ETag, TableEntity Entity)
{
    public static StoredRow From(TableEntity entity) =>
        new(entity.RowKey, DocumentColumns.Read(entity, DocumentColumns.Json), entity.ETag, entity);
}
