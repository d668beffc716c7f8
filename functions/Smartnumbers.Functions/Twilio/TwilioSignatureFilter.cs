using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// Guards every Twilio endpoint: no auth token configured, a missing or a wrong X-Twilio-Signature → 403 and a security
/// log line (the parameter keys, never their values); nothing else runs. The URL checked is Twilio__PublicBaseUrl (or the
/// request's own scheme and host) + the raw request target, then + the path and query as ASP.NET Core re-encodes them.
/// The form is read by <see cref="TwilioForm"/>, which never throws on what Twilio may send (a %00 in a value): a form
/// that cannot be read at all (over 1 MB, broken multipart) → 400; a genuine request whose body is not a form → 415.
/// </summary>
internal sealed partial class TwilioSignatureFilter(IOptions<TwilioOptions> options, ILogger<TwilioSignatureFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var token = options.Value.AuthToken;
        if (string.IsNullOrEmpty(token))
        {
            LogNoToken(log, request.Path);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var signature = request.Headers[TwilioSignature.HeaderName].ToString();
        var urls = SignedUrls(request, options.Value.PublicBaseUrl);
        bool valid;
        IEnumerable<string> keys;
        var isForm = request.HasFormContentType;
        if (isForm)
        {
            var form = await TwilioForm.ReadAsync(request, context.HttpContext.RequestAborted);
            if (form is null)
            {
                LogUnreadableForm(log, request.Path, request.ContentLength ?? -1);
                return TypedResults.StatusCode(StatusCodes.Status400BadRequest);
            }

            valid = TwilioSignature.IsValid(token, signature, urls, form);
            keys = form.Keys;
        }
        else
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.HttpContext.RequestAborted);
            valid = TwilioSignature.IsValidWithBody(token, signature, urls, body.GetBuffer().AsSpan(0, (int)body.Length), request.Query["bodySHA256"]);
            keys = [];
        }

        if (!valid)
        {
            LogRejected(log, request.Path, string.IsNullOrEmpty(signature) ? "missing" : "wrong",
                context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", string.Join(',', keys.Order(StringComparer.Ordinal)));
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!isForm)
        {
            // Genuine, but every Twilio endpoint here reads a form: Twilio's voice webhooks are always one.
            LogNotAForm(log, request.Path, request.ContentType ?? "none");
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        return await next(context);
    }

    /// <summary>The URLs Twilio may have signed for this request, most likely first.</summary>
    internal static List<string> SignedUrls(HttpRequest request, string? publicBaseUrl)
    {
        var origin = string.IsNullOrEmpty(publicBaseUrl)
            ? request.Scheme + "://" + request.Host.Value
            : publicBaseUrl.TrimEnd('/');
        var urls = new List<string>(2);
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
        {
            urls.Add(origin + raw);
        }

        var rebuilt = origin + request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        if (!urls.Contains(rebuilt, StringComparer.Ordinal))
        {
            urls.Add(rebuilt);
        }

        return urls;
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Twilio request to {Path} refused: its form could not be read ({Length} bytes)")]
    private static partial void LogUnreadableForm(ILogger logger, PathString path, long length);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Signed Twilio request to {Path} refused: its body is {ContentType}, not a form")]
    private static partial void LogNotAForm(ILogger logger, PathString path, string contentType);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "SECURITY: Twilio request to {Path} refused: Twilio__AuthToken is not configured")]
    private static partial void LogNoToken(ILogger logger, PathString path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "SECURITY: Twilio request to {Path} refused: {Problem} X-Twilio-Signature (from {RemoteIp}; parameter keys {Keys})")]
    private static partial void LogRejected(ILogger logger, PathString path, string problem, string remoteIp, string keys);
}
