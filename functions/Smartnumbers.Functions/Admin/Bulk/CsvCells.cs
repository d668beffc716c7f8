namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>One data row of an upload: its 1-based row number (the header is row 1) and its cells by column.</summary>
internal sealed class CsvCells(int row, IReadOnlyDictionary<string, string> cells)
{
    public int Row { get; } = row;

    /// <summary>Whether the file has the column at all (an absent column leaves that field as it is).</summary>
    public bool Has(string column) => cells.ContainsKey(column);

    /// <summary>The cell, trimmed, with a spreadsheet guard ("'=…") undone; null when the column is absent or the cell empty.</summary>
    public string? Get(string column) =>
        cells.TryGetValue(column, out var value) && value.Length > 0
            ? value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value
            : null;
}
