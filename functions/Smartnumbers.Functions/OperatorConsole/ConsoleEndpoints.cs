using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Smartnumbers.Functions.OperatorConsole;

/// <summary>
/// GET /api/console/{*path} (/api/console redirects to /api/console/): the operator console's static files (the <c>console</c> folder beside the executable), with
/// a Content-Security-Policy that allows only this origin's scripts, styles and API, and no framing. The console holds
/// no secret and adds no way in: every action it takes is an admin API request with the signed-in key.
/// </summary>
internal static class ConsoleEndpoints
{
    public const string Folder = "console";

    /// <summary>No inline script or style, nothing from another origin, never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IEndpointRouteBuilder MapOperatorConsole(this IEndpointRouteBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, Folder);
        var files = Directory.Exists(root) ? new PhysicalFileProvider(root) : null; // A build without the console answers 404.
        app.MapGet("/api/console/{*path}", (string? path, HttpContext http) => Serve(files, path, http)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(PhysicalFileProvider? files, string? path, HttpContext http)
    {
        if (string.IsNullOrEmpty(path) && !http.Request.Path.Value!.EndsWith('/'))
        {
            return TypedResults.Redirect("/api/console/"); // The page's relative links need the trailing slash.
        }

        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        var file = files is null || name.Contains("..", StringComparison.Ordinal) ? null : files.GetFileInfo(name);
        if (file is not { Exists: true, IsDirectory: false, PhysicalPath: not null } || !Types.TryGetContentType(name, out var type))
        {
            return TypedResults.NotFound();
        }

        SecureHeaders(http.Response, ContentSecurityPolicy);
        // Revalidated on every load (ETag/Last-Modified): a new release is picked up at once, an unchanged file costs a 304.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(file.PhysicalPath, type, lastModified: file.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\""));
    }

    /// <summary>The headers every console or API-reference page carries, with its own policy.</summary>
    public static void SecureHeaders(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
