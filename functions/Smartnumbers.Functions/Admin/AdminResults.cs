using Microsoft.AspNetCore.Http.HttpResults;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin;

/// <summary>RFC 9457 problem details and ETag'd answers of the admin API.</summary>
internal static class AdminResults
{
    public static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join(" ", errors.Take(3).Select(e => $"{e.Field}: {e.Message}")),
            title: "The request is not valid.");

    public static IResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ProblemHttpResult NotFound(string detail = "Not found.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Refused(WriteOutcome outcome, string? detail, string? field) => outcome switch
    {
        WriteOutcome.NotFound => NotFound(detail ?? "Not found."),
        WriteOutcome.PreconditionFailed => TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The resource changed since you read it.", extensions: Field(field ?? "If-Match")),
        WriteOutcome.Conflict => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict,
            title: "The change conflicts with the current state.", extensions: Field(field)),
        _ => Invalid(field ?? "body", detail ?? "is not valid."),
    };

    /// <summary>400 for a CSV upload: every error with its row (the header is row 1) and column; nothing was applied.</summary>
    public static IResult CsvInvalid(IReadOnlyList<CsvError> errors) =>
        TypedResults.Problem(
            string.Join(" ", errors.Take(3).Select(e => $"row {e.Row}, {e.Column}: {e.Message}")),
            statusCode: StatusCodes.Status400BadRequest,
            title: "The CSV has errors; nothing was imported.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static IResult Refused(WriteResult result) => Refused(result.Outcome, result.Change.Detail, result.Change.Field);

    public static IResult Refused(ControlResult result) => Refused(result.Outcome, result.Detail, result.Field);

    /// <summary>Sets the ETag header (when known) and answers 200 with <paramref name="body"/> (or 204 without one).</summary>
    public static IResult WithETag(HttpContext http, string? etag, IResult body)
    {
        if (etag is not null)
        {
            http.Response.Headers.ETag = etag;
        }

        return body;
    }

    /// <summary>The If-Match header: an ETag, "*", or null when absent.</summary>
    public static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0 && !string.IsNullOrWhiteSpace(request.Headers.IfMatch[0]) ? request.Headers.IfMatch[0]!.Trim() : null;

    private static Dictionary<string, object?>? Field(string? field) =>
        field is null ? null : new Dictionary<string, object?> { ["field"] = field };
}
