using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin;

/// <summary>Reference checks: numbers a document names must be numbers of the account; plans a site names must exist.</summary>
internal static class AccountReferences
{
    public static async Task<IReadOnlyList<FieldError>> UnknownNumbersAsync(ConfigDocuments documents, string account, IEnumerable<(string Field, string Number)> numbers, CancellationToken ct)
    {
        var known = (await documents.Store.ListAsync(account, ConfigRows.NumberPrefix, ct))
            .Select(r => r.RowKey[ConfigRows.NumberPrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
        return numbers.Where(n => !known.Contains(n.Number))
            .Select(n => new FieldError(n.Field, $"{n.Number} is not a number of this account."))
            .ToList();
    }

    public static async Task<IReadOnlyList<FieldError>> UnknownPlanAsync(ConfigDocuments documents, string account, string? plan, string field, CancellationToken ct) =>
        plan is null || await documents.Store.GetAsync(account, ConfigRows.Plan(plan), ct) is not null
            ? []
            : [new FieldError(field, $"plan '{plan}' does not exist.")];
}
