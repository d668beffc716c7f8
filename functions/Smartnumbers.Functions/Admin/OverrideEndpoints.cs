using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>/api/accounts/{account}/overrides/{e164}: personal overrides of the account's numbers, through <see cref="IRoutingControl"/>.</summary>
internal static class OverrideEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("overrides", ListOverrides);
        group.MapGet("overrides/{e164}", GetOverride);
        group.MapPut("overrides/{e164}", PutOverride).Needs(ApiKeyRole.Operator);
        group.MapDelete("overrides/{e164}", DeleteOverride).Needs(ApiKeyRole.Operator);
    }

    public static Task<IResult> ListOverrides(string account, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.ListAsync(documents, account, ConfigRows.OverridePrefix, ConfigJsonContext.Web.PersonalOverride, ct);

    public static Task<IResult> GetOverride(string account, string e164, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.GetAsync(http, documents, account, ConfigRows.Override(e164), ConfigJsonContext.Web.PersonalOverride, ct);

    public static async Task<IResult> PutOverride(string account, string e164, HttpContext http, IRoutingControl control, IDocumentValidator validator, CancellationToken ct)
    {
        if (!E164.IsValid(e164))
        {
            return AdminResults.Invalid("e164", "must be an E.164 number such as +441134960001.");
        }

        var (value, error) = await AdminJson.ReadAsync(http.Request, ConfigJsonContext.Strict.PersonalOverride, ct);
        if (error is not null)
        {
            return error;
        }

        var errors = validator.Validate(value!);
        if (errors.Count > 0)
        {
            return AdminResults.Invalid(errors);
        }

        var result = await control.SetOverrideAsync(account, e164, value!, http.Actor(), AdminResults.IfMatch(http.Request), ct);
        return result.Succeeded
            ? AdminResults.WithETag(http, result.ETag, TypedResults.Json(value!, ConfigJsonContext.Web.PersonalOverride))
            : AdminResults.Refused(result);
    }

    public static async Task<IResult> DeleteOverride(string account, string e164, HttpContext http, IRoutingControl control, CancellationToken ct)
    {
        var result = await control.CancelOverrideAsync(account, e164, http.Actor(), AdminResults.IfMatch(http.Request), ct);
        return result.Succeeded ? TypedResults.NoContent() : AdminResults.Refused(result);
    }
}
