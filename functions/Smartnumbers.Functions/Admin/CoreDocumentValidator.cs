using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Notifications;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// The admin API's validation: the domain's own <c>Validate()</c> of each §8 document (one set of rules for the API,
/// the CSV import and the core), plus the checks only the API can make (an override's expiry against the clock, the
/// PIN, which is never part of the stored document).
/// </summary>
internal sealed class CoreDocumentValidator(TimeProvider time) : IDocumentValidator
{
    public IReadOnlyList<FieldError> Validate(AccountSettings account) => Map(account.Validate());

    public IReadOnlyList<FieldError> Validate(NumberConfig number) => Map(number.Validate());

    public IReadOnlyList<FieldError> Validate(DialPlan plan) => Map(plan.Validate());

    public IReadOnlyList<FieldError> Validate(PersonalOverride personalOverride)
    {
        var errors = Map(personalOverride.Validate());
        if (personalOverride.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            errors.Add(new FieldError("expiresAt", "must be in the future."));
        }

        return errors;
    }

    public IReadOnlyList<FieldError> Validate(Site site) => Map(site.Validate());

    public IReadOnlyList<FieldError> Validate(NotificationSettings notifications) => Map(notifications.Validate());

    public IReadOnlyList<FieldError> Validate(StaffRequest staff)
    {
        // The stored member carries a hash, never the PIN: validate the document with a placeholder hash, the PIN here.
        var member = new StaffMember { Id = "000", Name = staff.Name, Numbers = staff.Numbers, Role = staff.Role, PinHash = "-" };
        var errors = Map(member.Validate()).Where(e => e.Field != "id").ToList();
        if (staff.Pin is { } pin && !(pin.Length is >= 4 and <= 12 && pin.All(char.IsAsciiDigit)))
        {
            errors.Add(new FieldError("pin", "must be 4–12 digits."));
        }

        return errors;
    }

    private static List<FieldError> Map(IReadOnlyList<Smartnumbers.Core.Configuration.FieldError> errors) =>
        errors.Select(e => new FieldError(e.Field, e.Message)).ToList();
}
