namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>
/// One parsed row of an upload: the document it sets (<see cref="Json"/>, serialized as stored) under <see cref="RowKey"/>.
/// <see cref="Pin"/>: a staff PIN given in the file (hashed only when written; the row then counts as updated).
/// <see cref="Claim"/>: a number to claim in the number index when the row is created.
/// </summary>
internal sealed record BulkItem(int Row, string Key, string RowKey, string Json)
{
    public string? Pin { get; init; }
    public string? Claim { get; init; }
}
