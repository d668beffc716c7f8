using System.Security.Cryptography;
using Scalar.AspNetCore;
using Smartnumbers.Functions.OperatorConsole;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// The admin API's published contract: the OpenAPI document at /api/openapi/v1.json (the /api/accounts routes only) and
/// the Scalar reference page at /api/openapi/reference, both served by the app, with no CDN. The reference page gets its
/// own Content-Security-Policy: its one inline script is allowed by a per-request nonce (not 'unsafe-inline'), but Scalar
/// injects its styles at run time, so styles need 'unsafe-inline'; web fonts, telemetry, developer tools (links to
/// Scalar's site), agent and MCP features stay off.
/// </summary>
internal static class ApiReference
{
    public const string DocumentPattern = "/api/openapi/{documentName}.json";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("api/accounts/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Smartnumbers admin API";
                document.Info.Description = "Every request: Authorization: Bearer <API key>. Keys are scoped to one account; roles viewer < operator < admin. Errors are RFC 9457 problem details naming the field.";
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPattern);
        app.MapScalarApiReference("/api/openapi/reference", (options, http) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            ConsoleEndpoints.SecureHeaders(http.Response,
                $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "font-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'");
            options.WithTitle("Smartnumbers admin API")
                .WithOpenApiRoutePattern(DocumentPattern)
                .WithNonce(nonce)
                .DisableDefaultFonts()
                .HideDeveloperTools()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp();
        });
        return app;
    }
}
