using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>
/// The end of an upload: the rows' results (applied, or not in a dry run), or every row error, or a refusal:
/// <see cref="TooLarge"/> names the limit passed (413), <see cref="Outcome"/> a write that was refused.
/// </summary>
internal sealed record BulkOutcome(IReadOnlyList<BulkRowResult> Rows, IReadOnlyList<CsvError> Errors, string? TooLarge = null, WriteOutcome Outcome = WriteOutcome.Done, string? Detail = null)
{
    public int Count(string result) => Rows.Count(r => r.Result == result);
}
