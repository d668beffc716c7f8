using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>/api/accounts/{account}/lists/{block|allow}/{entry}: caller lists (E.164, "+prefix*" or "anonymous").</summary>
internal static class ListEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("lists/{kind}", GetList);
        group.MapGet("lists/{kind}/{entry}", GetEntry);
        group.MapPut("lists/{kind}/{entry}", PutEntry).Needs(ApiKeyRole.Operator);
        group.MapDelete("lists/{kind}/{entry}", DeleteEntry).Needs(ApiKeyRole.Operator);
    }

    public static Task<IResult> GetList(string account, string kind, ConfigDocuments documents, CancellationToken ct) =>
        Kind(kind) is { } k
            ? DocumentResource.ListAsync(documents, account, ConfigRows.ListPrefix(k), ConfigJsonContext.Web.CallerListEntry, ct)
            : Task.FromResult<IResult>(AdminResults.NotFound());

    public static Task<IResult> GetEntry(string account, string kind, string entry, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        Kind(kind) is { } k
            ? DocumentResource.GetAsync(http, documents, account, ConfigRows.ListEntry(k, entry), ConfigJsonContext.Web.CallerListEntry, ct)
            : Task.FromResult<IResult>(AdminResults.NotFound());

    public static Task<IResult> PutEntry(string account, string kind, string entry, HttpContext http, ConfigDocuments documents, CancellationToken ct)
    {
        if (Kind(kind) is not { } k)
        {
            return Task.FromResult<IResult>(AdminResults.NotFound());
        }

        if (!E164.IsListEntry(entry))
        {
            return Task.FromResult(AdminResults.Invalid("entry", "must be an E.164 number, a prefix such as +44909*, or \"anonymous\"."));
        }

        var rowKey = ConfigRows.ListEntry(k, entry);
        return DocumentResource.PutAsync(http, ConfigJsonContext.Strict.CallerListEntry, ConfigJsonContext.Web.CallerListEntry,
            doc => doc.Note is { Length: > 200 } ? [new FieldError("note", "must have at most 200 characters.")] : [],
            null,
            (doc, ifMatch) => documents.PutAsync(account, rowKey, doc, ConfigJsonContext.Web.CallerListEntry, ifMatch, http.Actor(), $"lists/{kind}/{entry}", ct),
            rowKey, ct);
    }

    public static Task<IResult> DeleteEntry(string account, string kind, string entry, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        Kind(kind) is { } k
            ? DocumentResource.DeleteAsync(http, documents, account, ConfigRows.ListEntry(k, entry), $"lists/{kind}/{entry}", ct)
            : Task.FromResult<IResult>(AdminResults.NotFound());

    private static CallerListKind? Kind(string kind) => kind switch
    {
        "block" => CallerListKind.Block,
        "allow" => CallerListKind.Allow,
        _ => null,
    };
}
