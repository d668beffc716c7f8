using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>/api/accounts/{account}/numbers/{e164}: the number document (claimed in the number index on PUT).</summary>
internal static class NumberEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("numbers", ListNumbers);
        group.MapGet("numbers/{e164}", GetNumber);
        group.MapPut("numbers/{e164}", PutNumber).Needs(ApiKeyRole.Admin);
        group.MapDelete("numbers/{e164}", DeleteNumber).Needs(ApiKeyRole.Admin);
    }

    public static Task<IResult> ListNumbers(string account, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.ListAsync(documents, account, ConfigRows.NumberPrefix, ConfigJsonContext.Web.NumberConfig, ct);

    public static Task<IResult> GetNumber(string account, string e164, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        E164.IsValid(e164) // PUT refuses any other: no such document exists, and storage would refuse the key.
            ? DocumentResource.GetAsync(http, documents, account, ConfigRows.Number(e164), ConfigJsonContext.Web.NumberConfig, ct)
            : Task.FromResult<IResult>(AdminResults.NotFound());

    public static Task<IResult> PutNumber(string account, string e164, HttpContext http, ConfigDocuments documents, IDocumentValidator validator, CancellationToken ct)
    {
        if (!E164.IsValid(e164))
        {
            return Task.FromResult(AdminResults.Invalid("e164", "must be an E.164 number such as +441134960001."));
        }

        return DocumentResource.PutAsync(http, ConfigJsonContext.Strict.NumberConfig, ConfigJsonContext.Web.NumberConfig,
            validator.Validate, null,
            (doc, ifMatch) => documents.PutNumberAsync(account, e164, doc, ifMatch, http.Actor(), ct),
            ConfigRows.Number(e164), ct);
    }

    public static async Task<IResult> DeleteNumber(string account, string e164, HttpContext http, ConfigDocuments documents, CancellationToken ct)
    {
        if (!E164.IsValid(e164))
        {
            return AdminResults.NotFound();
        }

        var result = await documents.DeleteNumberAsync(account, e164, AdminResults.IfMatch(http.Request), http.Actor(), ct);
        return result.Outcome == WriteOutcome.Done ? TypedResults.NoContent() : AdminResults.Refused(result);
    }
}
