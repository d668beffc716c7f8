using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>/api/accounts/{account}: the account document; creating one needs the bootstrap key.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", GetAccount);
        group.MapPut("", PutAccount).Needs(ApiKeyRole.Admin);
    }

    public static Task<IResult> GetAccount(string account, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.GetAsync(http, documents, account, ConfigRows.Account, ConfigJsonContext.Web.AccountSettings, ct);

    public static Task<IResult> PutAccount(string account, HttpContext http, ConfigDocuments documents, IDocumentValidator validator, CancellationToken ct)
    {
        if (!AccountIds.IsValid(account))
        {
            return Task.FromResult(AdminResults.Invalid("account", "must be 1–40 of a-z, 0-9 and '-', starting with a letter or digit."));
        }

        return DocumentResource.PutAsync(http, ConfigJsonContext.Strict.AccountSettings, ConfigJsonContext.Web.AccountSettings,
            validator.Validate, null,
            (doc, ifMatch) => documents.PutAccountAsync(account, doc, ifMatch, http.Actor(), ct),
            ConfigRows.Account, ct);
    }
}
