using System.Text.Json;
using Azure.Data.Tables;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin;

/// <summary>GET /api/accounts/{account}/audit?limit=50&amp;continuation=…: the append-only audit trail, newest first.</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("audit", GetAudit);

    public static async Task<IResult> GetAudit(string account, ConfigDocuments documents, int? limit, string? continuation, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > 1000)
        {
            return AdminResults.Invalid("limit", "must be 1–1000.");
        }

        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var query = documents.Store.Table.QueryAsync<TableEntity>(ConfigRows.PrefixFilter(account, ConfigRows.AuditPrefix), maxPerPage: size, cancellationToken: ct);
        await foreach (var page in query.AsPages(Decode(continuation), size))
        {
            return TypedResults.Json(new AuditPage(page.Values.Select(Entry).ToList(), Encode(page.ContinuationToken)), AuditJsonContext.Web.AuditPage);
        }

        return TypedResults.Json(new AuditPage([], null), AuditJsonContext.Web.AuditPage);
    }

    /// <summary>The storage continuation token as one URL-safe word.</summary>
    private static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return null;
        }

        var b64 = word.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static AuditEntry Entry(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("Who") ?? "",
        e.GetString("Role") ?? "",
        e.GetString("Channel") ?? "",
        e.GetString("Action") ?? "",
        e.GetString("Resource") ?? "",
        Parse(DocumentColumns.Read(e, "Before")),
        Parse(DocumentColumns.Read(e, "After")),
        e.GetString("Note"));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
