using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Notifications;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// Field-level validation of the admin API's documents (shape and limits; references to other resources are checked by
/// the endpoints). Implemented by <see cref="CoreDocumentValidator"/> over the domain's own Validate() methods.
/// </summary>
internal interface IDocumentValidator
{
    IReadOnlyList<FieldError> Validate(AccountSettings account);

    IReadOnlyList<FieldError> Validate(NumberConfig number);

    IReadOnlyList<FieldError> Validate(DialPlan plan);

    IReadOnlyList<FieldError> Validate(PersonalOverride personalOverride);

    IReadOnlyList<FieldError> Validate(Site site);

    IReadOnlyList<FieldError> Validate(StaffRequest staff);

    IReadOnlyList<FieldError> Validate(NotificationSettings notifications);
}
