using System.Text.Json;
using System.Text.RegularExpressions;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// /api/accounts/{account}/staff/{staff}: people who may use the dial-in line. The PIN is stored only as a PBKDF2 hash
/// (<see cref="PinHasher"/>) in its own property, never in the document, the audit trail or an answer.
/// </summary>
internal static partial class StaffEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("staff", ListStaff);
        group.MapGet("staff/{staff}", GetStaff);
        group.MapPut("staff/{staff}", PutStaff).Needs(ApiKeyRole.Admin);
        group.MapDelete("staff/{staff}", DeleteStaff).Needs(ApiKeyRole.Admin);
    }

    public static Task<IResult> ListStaff(string account, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.ListAsync(documents, account, ConfigRows.StaffPrefix, ConfigJsonContext.Web.StaffView, ct);

    public static Task<IResult> GetStaff(string account, string staff, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.GetAsync(http, documents, account, ConfigRows.Staff(staff), ConfigJsonContext.Web.StaffView, ct);

    public static async Task<IResult> PutStaff(string account, string staff, HttpContext http, ConfigDocuments documents, IDocumentValidator validator, CancellationToken ct)
    {
        if (!StaffId().IsMatch(staff))
        {
            return AdminResults.Invalid("staff", "must be 3–10 digits (keyed in on the dial-in line).");
        }

        var (request, error) = await AdminJson.ReadAsync(http.Request, ConfigJsonContext.Strict.StaffRequest, ct);
        if (error is not null)
        {
            return error;
        }

        var errors = validator.Validate(request!);
        if (errors.Count == 0)
        {
            errors = await AccountReferences.UnknownNumbersAsync(documents, account, request!.Numbers.Select((n, i) => ($"numbers[{i}]", n)), ct);
        }

        if (errors.Count > 0)
        {
            return AdminResults.Invalid(errors);
        }

        var view = new StaffView { Id = staff, Name = request!.Name, Numbers = request.Numbers, Role = request.Role };
        var json = JsonSerializer.Serialize(view, ConfigJsonContext.Web.StaffView);
        var newHash = request.Pin is { } pin ? PinHasher.Hash(pin) : null;
        var key = ConfigRows.Staff(staff);
        var ifMatch = AdminResults.IfMatch(http.Request);
        var result = await documents.WriteAsync(account, [ConfigRows.Account, key], rows =>
        {
            var current = rows[key];
            var hash = newHash ?? current?.Entity.GetString(StaffView.PinHashProperty);
            return rows[ConfigRows.Account] is null ? ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.")
                : hash is null ? ConfigChange.Refuse(WriteOutcome.Invalid, "is required for a new staff member.", "pin")
                : ConfigDocuments.Precondition(current, ifMatch) ?? new ConfigChange
                {
                    Rows = [new RowChange(key, json) { Properties = new Dictionary<string, object> { [StaffView.PinHashProperty] = hash } }],
                    Action = "PUT",
                    Resource = "staff/" + staff,
                    Before = current?.Json,
                    After = newHash is null ? json : json[..^1] + ",\"pinChanged\":true}",
                };
        }, http.Actor(), ct);
        return result.Outcome == WriteOutcome.Done
            ? AdminResults.WithETag(http, result.ETagOf(key)?.ToString(), TypedResults.Json(view, ConfigJsonContext.Web.StaffView))
            : AdminResults.Refused(result);
    }

    public static Task<IResult> DeleteStaff(string account, string staff, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.DeleteAsync(http, documents, account, ConfigRows.Staff(staff), "staff/" + staff, ct);

    [GeneratedRegex("^[0-9]{3,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex StaffId();
}
