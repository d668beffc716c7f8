using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// Every admin request: a bearer API key (401 with no detail when missing or invalid), scoped to the route's account
/// (another account's resources answer 404 as if absent, as does any path id nothing can have), with the endpoint's
/// <see cref="RequiredRole"/> (403).
/// </summary>
internal sealed partial class AdminAuthorization(ApiKeyStore keys, ILogger<AdminAuthorization> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var caller = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? await keys.AuthenticateAsync(header[7..].Trim(), http.RequestAborted)
            : null;
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Unauthorized();
        }

        var account = http.GetRouteValue("account") as string ?? "";
        if ((!AccountIds.IsValid(account) && !IsAccountPut(http)) || (!HttpMethods.IsPut(http.Request.Method) && !PathIdsCanNameRows(http)))
        {
            return AdminResults.NotFound(); // Nothing can have such an id (its PUT refuses it): storage is not asked.
        }

        if (!caller.MayAccess(account))
        {
            LogOtherAccount(log, caller.KeyId);
            return AdminResults.NotFound();
        }

        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredRole>()?.Role
            ?? (HttpMethods.IsGet(http.Request.Method) ? ApiKeyRole.Viewer : ApiKeyRole.Admin);
        if (caller.Role < required)
        {
            return TypedResults.Problem($"This needs the {required.ToString().ToLowerInvariant()} role.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
        }

        http.Items[typeof(AdminCaller)] = caller;
        return await next(context);
    }

    /// <summary>
    /// False when an id in the path is longer than any the API issues or accepts (200) or holds a character Table Storage
    /// refuses in a key ('/', '\\', '#', '?', control characters). A PUT's handler validates its own ids.
    /// </summary>
    private static bool PathIdsCanNameRows(HttpContext http) =>
        http.Request.RouteValues.Values.All(v => v is not string id || (id.Length <= 200 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))));

    /// <summary>PUT /api/accounts/{account}: its handler answers an invalid id with a validation error.</summary>
    private static bool IsAccountPut(HttpContext http) =>
        HttpMethods.IsPut(http.Request.Method) && http.GetEndpoint() is RouteEndpoint { RoutePattern.PathSegments.Count: 3 };

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin key {KeyId} asked for another account's resource")]
    private static partial void LogOtherAccount(ILogger logger, string keyId);
}
