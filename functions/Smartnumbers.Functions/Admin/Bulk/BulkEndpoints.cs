using System.Text.Json.Nodes;
using CsvHelper;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Calls;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>
/// POST /api/accounts/{account}/{numbers|lists|staff}:import (text/csv, ?dryRun=true) and GET …:export (text/csv, the same
/// columns, so exporting and uploading the file again changes nothing). Limits: <see cref="BulkCsv.MaxChars"/> characters,
/// <see cref="BulkCsv.MaxRows"/> rows, <see cref="BulkUpload.MaxChanges"/> changed rows; beyond, 413 naming the limit.
/// </summary>
internal static class BulkEndpoints
{
    public static readonly IReadOnlyList<IBulkKind> Kinds = [new NumberCsv(), new ListCsv(), new StaffCsv()];

    public static void Map(RouteGroupBuilder group)
    {
        foreach (var kind in Kinds)
        {
            group.MapPost(kind.Name + ":import", (string account, bool? dryRun, HttpContext http, ConfigDocuments documents, BulkUpload upload, CancellationToken ct) =>
                ImportAsync(kind, account, dryRun == true, http, documents, upload, ct)).Needs(kind.Role);
            group.MapGet(kind.Name + ":export", (string account, HttpContext http, ConfigDocuments documents, BulkUpload upload, CancellationToken ct) =>
                ExportAsync(kind, account, http, documents, upload, ct));
        }
    }

    public static async Task<IResult> ImportAsync(IBulkKind kind, string account, bool dryRun, HttpContext http, ConfigDocuments documents, BulkUpload upload, CancellationToken ct)
    {
        if (http.Request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the rows as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
        }

        if (http.Request.ContentLength > BulkCsv.MaxChars)
        {
            return TooLarge($"An upload may have at most {BulkCsv.MaxChars} characters.");
        }

        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        using var reader = new StreamReader(http.Request.Body);
        var buffer = new char[BulkCsv.MaxChars + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (length > BulkCsv.MaxChars)
        {
            return TooLarge($"An upload may have at most {BulkCsv.MaxChars} characters.");
        }

        var outcome = await upload.ApplyAsync(kind, account, new string(buffer, 0, length), dryRun, http.Actor(), ct);
        if (outcome.TooLarge is { } limit)
        {
            return TooLarge(limit);
        }

        if (outcome.Errors.Count > 0)
        {
            return AdminResults.CsvInvalid(outcome.Errors);
        }

        if (outcome.Outcome != WriteOutcome.Done)
        {
            return AdminResults.Refused(outcome.Outcome, outcome.Detail, null);
        }

        var rows = new JsonArray([.. outcome.Rows.Select(r => (JsonNode)new JsonObject { ["row"] = r.Row, ["key"] = r.Key, ["result"] = r.Result })]);
        return TypedResults.Json(new JsonObject
        {
            ["dryRun"] = dryRun,
            ["created"] = outcome.Count("created"),
            ["updated"] = outcome.Count("updated"),
            ["unchanged"] = outcome.Count("unchanged"),
            ["rows"] = rows,
        }, ConfigJsonContext.Web.JsonObject);
    }

    public static async Task<IResult> ExportAsync(IBulkKind kind, string account, HttpContext http, ConfigDocuments documents, BulkUpload upload, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var rows = await upload.ExportRowsAsync(kind, account, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{account}-{kind.Name}.csv\"";
        await using (var csv = CsvWriter.Create(http.Response.Body, null, leaveOpen: true))
        {
            await csv.WriteRecordAsync([.. kind.ExportColumns], ct);
            foreach (var row in rows)
            {
                await csv.WriteRecordAsync([.. kind.Export(row).Select(CallDnaCsv.AsText)], ct);
            }

            await csv.FlushAsync(ct);
        }

        return TypedResults.Empty;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(string limit) =>
        TypedResults.Problem(limit, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large; nothing was imported.");
}
