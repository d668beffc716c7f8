using System.Text.Json.Serialization.Metadata;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin;

/// <summary>The GET / PUT / DELETE pattern shared by the document resources: strict read, validation, ETag'd write, audit.</summary>
internal static class DocumentResource
{
    public static async Task<IResult> GetAsync<T>(HttpContext http, ConfigDocuments documents, string account, string rowKey, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var found = await documents.GetAsync(account, rowKey, type, ct);
        return found is { } f ? AdminResults.WithETag(http, f.ETag, TypedResults.Json(f.Document, type)) : AdminResults.NotFound();
    }

    public static async Task<IResult> ListAsync<T>(ConfigDocuments documents, string account, string prefix, JsonTypeInfo<T> type, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var items = await documents.ListAsync(account, prefix, type, ct);
        var list = new System.Text.Json.Nodes.JsonArray();
        foreach (var (id, document, etag) in items)
        {
            var node = System.Text.Json.JsonSerializer.SerializeToNode(document, type)!;
            list.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = id, ["etag"] = etag, ["document"] = node });
        }

        return TypedResults.Json(new System.Text.Json.Nodes.JsonObject { ["items"] = list }, ConfigJsonContext.Web.JsonObject);
    }

    /// <summary>
    /// Reads <typeparamref name="T"/> strictly, validates it (<paramref name="validate"/>, then the async reference checks),
    /// and writes it with <paramref name="write"/> (given the document and If-Match); answers the document and its ETag.
    /// </summary>
    public static async Task<IResult> PutAsync<T>(
        HttpContext http,
        JsonTypeInfo<T> strict,
        JsonTypeInfo<T> output,
        Func<T, IReadOnlyList<FieldError>> validate,
        Func<T, Task<IReadOnlyList<FieldError>>>? references,
        Func<T, string?, Task<WriteResult>> write,
        string rowKey,
        CancellationToken ct,
        Func<T, T>? answer = null)
        where T : class
    {
        var (document, error) = await AdminJson.ReadAsync(http.Request, strict, ct);
        if (error is not null)
        {
            return error;
        }

        var errors = validate(document!);
        if (errors.Count == 0 && references is not null)
        {
            errors = await references(document!);
        }

        if (errors.Count > 0)
        {
            return AdminResults.Invalid(errors);
        }

        var result = await write(document!, AdminResults.IfMatch(http.Request));
        return result.Outcome == WriteOutcome.Done
            ? AdminResults.WithETag(http, result.ETagOf(rowKey)?.ToString(), TypedResults.Json(answer is null ? document! : answer(document!), output))
            : AdminResults.Refused(result);
    }

    public static async Task<IResult> DeleteAsync(HttpContext http, ConfigDocuments documents, string account, string rowKey, string resource, CancellationToken ct,
        Func<string, string>? auditView = null)
    {
        var result = await documents.DeleteAsync(account, rowKey, AdminResults.IfMatch(http.Request), http.Actor(), resource, ct, auditView);
        return result.Outcome == WriteOutcome.Done ? TypedResults.NoContent() : AdminResults.Refused(result);
    }
}
