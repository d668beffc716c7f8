namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>What an upload does (or, in a dry run, would do) to one row: created, updated or unchanged.</summary>
public sealed record BulkRowResult(int Row, string Key, string Result);
