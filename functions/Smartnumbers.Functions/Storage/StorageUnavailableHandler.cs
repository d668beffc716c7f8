using System.Globalization;
using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Smartnumbers.Functions.Storage;

/// <summary>
/// A request that failed because Table Storage did not answer (refused, timed out, 5xx, throttled) gets 503 with
/// problem details naming storage and a Retry-After, not a bare 500: the admin API and the console can tell an
/// outage from a fault and say "try again". The call path never reaches this: it falls back to the last-known config.
/// </summary>
internal sealed partial class StorageUnavailableHandler(TableStore store, IProblemDetailsService problems, ILogger<StorageUnavailableHandler> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || http.Response.HasStarted)
        {
            return false;
        }

        var error = StorageErrors.Describe(store, exception);
        LogUnavailable(log, http.Request.Method, http.Request.Path.Value ?? "", error);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = error + ". Nothing more was done. A write may or may not have been saved: read it back (its ETag tells) before sending it again.",
            },
        });
    }

    /// <summary>Storage did not answer usefully: unreachable, timed out, failing or throttling. Not a refusal of the request itself.</summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsUnavailable),
        HttpRequestException or TimeoutException => true,
        TaskCanceledException t => t.InnerException is TimeoutException,
        _ => false,
    };

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "{Method} {Path}: 503, {Error}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string error);
}
