using Azure.Data.Tables;

namespace Smartnumbers.Functions.Accounts;

/// <summary>One row a write sets (with <see cref="Json"/> and/or extra properties) or deletes (<see cref="Delete"/>).</summary>
internal sealed record RowChange(string RowKey, string? Json, bool Delete = false)
{
    /// <summary>Extra typed properties to store beside the JSON (e.g. a key's hash).</summary>
    public IReadOnlyDictionary<string, object>? Properties { get; init; }

    public static RowChange Remove(string rowKey) => new(rowKey, null, Delete: true);

    public TableEntity ToEntity(string account)
    {
        var entity = new TableEntity(account, RowKey);
        DocumentColumns.Write(entity, DocumentColumns.Json, Json);
        if (Properties is not null)
        {
            foreach (var (name, value) in Properties)
            {
                entity[name] = value;
            }
        }

        return entity;
    }
}
