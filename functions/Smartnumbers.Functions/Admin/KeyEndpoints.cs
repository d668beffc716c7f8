using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>/api/accounts/{account}/keys: API keys, issued by the bootstrap key or an account admin, shown once, revocable; …/caller: the presented key.</summary>
internal static class KeyEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("keys", CreateKey).Needs(ApiKeyRole.Admin);
        group.MapGet("keys", ListKeys).Needs(ApiKeyRole.Admin);
        group.MapDelete("keys/{id}", RevokeKey).Needs(ApiKeyRole.Admin);
        group.MapGet("caller", WhoIsCalling).Needs(ApiKeyRole.Viewer);
    }

    /// <summary>GET caller: the presented key's id and role in this account (any role may ask).</summary>
    public static IResult WhoIsCalling(string account, HttpContext http)
    {
        var caller = http.Caller();
        return TypedResults.Json(new CallerInfo(caller.KeyId, caller.Role, account, caller.Account is null), AdminKeyJsonContext.Web.CallerInfo);
    }

    public static async Task<IResult> CreateKey(string account, HttpContext http, ApiKeyStore keys, CancellationToken ct)
    {
        var (request, error) = await AdminJson.ReadAsync(http.Request, AdminKeyJsonContext.Web.NewApiKey, ct);
        if (error is not null)
        {
            return error;
        }

        if (request!.Name is not { Length: >= 1 and <= 100 }) // "required" lets an explicit null through
        {
            return AdminResults.Invalid("name", "must have 1–100 characters.");
        }

        var (result, token) = await keys.CreateAsync(account, request.Role, request.Name, http.Actor(), ct);
        return result.Outcome == WriteOutcome.Done
            ? TypedResults.Json(new IssuedApiKey(token.Id, token.Value, request.Name, request.Role), AdminKeyJsonContext.Web.IssuedApiKey, statusCode: StatusCodes.Status201Created)
            : AdminResults.Refused(result);
    }

    public static async Task<IResult> ListKeys(string account, ApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Json(await keys.ListAsync(account, ct), AdminKeyJsonContext.Web.IReadOnlyListApiKeyInfo);

    public static async Task<IResult> RevokeKey(string account, string id, HttpContext http, ApiKeyStore keys, CancellationToken ct)
    {
        var result = await keys.RevokeAsync(account, id, http.Actor(), ct);
        return result.Outcome == WriteOutcome.Done ? TypedResults.NoContent() : AdminResults.Refused(result);
    }
}
