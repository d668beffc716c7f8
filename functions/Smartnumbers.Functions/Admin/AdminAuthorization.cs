using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// Every admin request: a bearer API key (401 with no detail when missing or invalid), scoped to the route's account
/// (another account's resources answer 404 as if absent), with the endpoint's <see cref="RequiredRole"/> (403).
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin key {KeyId} asked for another account's resource")]
    private static partial void LogOtherAccount(ILogger logger, string keyId);
}
