using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>What a row is parsed against: the account's current rows of the kind (by row key) and its numbers.</summary>
internal sealed record BulkContext(string Account, IReadOnlyDictionary<string, StoredRow> Current, IReadOnlySet<string> Numbers, IDocumentValidator Validator);
