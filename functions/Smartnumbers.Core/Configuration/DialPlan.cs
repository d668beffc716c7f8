namespace Smartnumbers.Core.Configuration;

/// <summary>A disaster-recovery dial plan: PUT /api/accounts/{account}/plans/{plan}.</summary>
public sealed record DialPlan
{
    public required string Name { get; init; }
    public IReadOnlyList<DialPlanEntry> Entries { get; init; } = [];
    /// <summary>Route for the account's numbers the plan does not list; null leaves them on their normal route.</summary>
    public Route? DefaultRoute { get; init; }

    /// <summary>True for a plan id of a–z, 0–9 and '-', at most 40 characters.</summary>
    public static bool IsValidId(string? id) => ConfigChecks.IsPlanId(id);

    /// <summary>
    /// Field-level errors; empty when valid. With <paramref name="account"/>, every entry's number must be one of the
    /// account's numbers.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(AccountSnapshot? account = null)
    {
        var errors = new List<FieldError>();
        ConfigChecks.Required(Name, "name", errors);
        var entries = Entries ?? [];
        if (entries.Count > ConfigLimits.MaxPlanEntries)
        {
            errors.Add(new("entries", $"At most {ConfigLimits.MaxPlanEntries} entries."));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null)
            {
                errors.Add(new($"entries[{i}]", "Required."));
                continue;
            }
            ConfigChecks.E164(entry.Number, $"entries[{i}].number", errors);
            if (entry.Number is not null && !seen.Add(entry.Number))
            {
                errors.Add(new($"entries[{i}].number", "Listed twice."));
            }
            else if (account is not null && ConfigChecks.IsE164(entry.Number) && !account.Numbers.ContainsKey(entry.Number!))
            {
                errors.Add(new($"entries[{i}].number", "Not a number of this account."));
            }
            ConfigChecks.Route(entry.Route, $"entries[{i}].route", errors);
        }
        if (DefaultRoute is not null)
        {
            ConfigChecks.Route(DefaultRoute, "defaultRoute", errors);
        }
        return errors;
    }
}
