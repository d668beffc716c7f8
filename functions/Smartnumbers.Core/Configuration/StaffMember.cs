namespace Smartnumbers.Core.Configuration;

/// <summary>A person who may use the dial-in line. The PIN is held only as a salted slow hash.</summary>
public sealed record StaffMember
{
    /// <summary>3–10 digits, keyed in on the IVR.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Numbers this person may override to their own phone.</summary>
    public IReadOnlyList<string> Numbers { get; init; } = [];
    public StaffRole Role { get; init; } = StaffRole.Staff;
    /// <summary>The PIN's hash in the form the Functions app's hasher writes; never the PIN.</summary>
    public required string PinHash { get; init; }

    /// <summary>True for a staff id of 3 to 10 digits.</summary>
    public static bool IsValidId(string? id) => ConfigChecks.IsStaffId(id);

    /// <summary>
    /// Field-level errors; empty when valid. With <paramref name="account"/>, every number must be one of the account's.
    /// The PIN is checked by the API before hashing.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(AccountSnapshot? account = null)
    {
        var errors = new List<FieldError>();
        if (!IsValidId(Id))
        {
            errors.Add(new("id", "A staff id: 3 to 10 digits."));
        }
        ConfigChecks.Required(Name, "name", errors);
        if ((Numbers?.Count ?? 0) > ConfigLimits.MaxStaffNumbers)
        {
            errors.Add(new("numbers", $"At most {ConfigLimits.MaxStaffNumbers} numbers."));
        }
        for (var i = 0; i < (Numbers?.Count ?? 0); i++)
        {
            var number = Numbers![i];
            ConfigChecks.E164(number, $"numbers[{i}]", errors);
            if (account is not null && number is not null && ConfigChecks.IsE164(number) && !account.Numbers.ContainsKey(number))
            {
                errors.Add(new($"numbers[{i}]", "Not a number of this account."));
            }
        }
        if (!Enum.IsDefined(Role))
        {
            errors.Add(new("role", "One of staff, operator."));
        }
        return errors;
    }
}
