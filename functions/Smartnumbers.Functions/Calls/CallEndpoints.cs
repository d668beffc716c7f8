using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Admin;
using Smartnumbers.Functions.ApiKeys;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// /api/accounts/{account}/calls: the simulator (viewer), the call list and Call DNA report (viewer), and labels
/// (operator). Behind the admin API's <see cref="AdminAuthorization"/> (another account's key answers 404).
/// </summary>
internal static class CallEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("calls:simulate", Simulate).Needs(ApiKeyRole.Viewer);
        group.MapGet("calls", ListCalls);
        group.MapGet("calls/{callId}", GetCall);
        group.MapPost("calls/{callId}/label", Label).Needs(ApiKeyRole.Operator);
    }

    /// <summary>POST calls:simulate: the full decision for a posted call; writes nothing.</summary>
    public static async Task<IResult> Simulate(string account, HttpContext http, CallSimulator simulator, CancellationToken ct)
    {
        var (request, error) = await AdminJson.ReadAsync(http.Request, CallsJsonContext.Api.SimulateRequest, ct);
        if (error is not null)
        {
            return error;
        }

        var (result, problem) = await simulator.SimulateAsync(account, request!, ct);
        return problem ?? TypedResults.Json(result!, CallsJsonContext.Api.SimulateResponse);
    }

    /// <summary>GET calls: JSON pages, or the Call DNA report as CSV (Accept: text/csv or ?format=csv, every match).</summary>
    public static async Task<IResult> ListCalls(string account, HttpContext http, CallRecordStore store, ConfigDocuments documents, int? limit, string? format, CancellationToken ct)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return AdminResults.Invalid("limit", $"must be 1–{MaxLimit}.");
        }

        if (format is not (null or "json" or "csv"))
        {
            return AdminResults.Invalid("format", "must be json or csv.");
        }

        var (query, problem) = CallQuery.Parse(http.Request.Query);
        if (problem is not null)
        {
            return problem;
        }

        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        if (format == "csv" || (format is null && WantsCsv(http.Request)))
        {
            return TypedResults.Stream(body => CallDnaCsv.WriteAsync(body, query!.RunAsync(store, account, ct), ct), "text/csv; charset=utf-8", $"call-dna-{account}.csv");
        }

        var calls = new List<CallRecord>(Math.Min(size + 1, 101));
        await foreach (var record in query!.RunAsync(store, account, ct))
        {
            calls.Add(record);
            if (calls.Count > size)
            {
                break;
            }
        }

        string? continuation = null;
        if (calls.Count > size)
        {
            calls.RemoveAt(size);
            continuation = CallQuery.Continuation(calls[^1]);
        }

        return TypedResults.Json(new CallPage(calls, continuation), CallsJsonContext.Api.CallPage);
    }

    /// <summary>GET calls/{callId}: one call record (its Call DNA attributes, top reasons, steps and label).</summary>
    public static async Task<IResult> GetCall(string account, string callId, CallRecordStore store, CancellationToken ct) =>
        await store.GetAsync(account, callId, ct) is { } record
            ? TypedResults.Json(record, CallsJsonContext.Api.CallRecord)
            : AdminResults.NotFound("No call " + callId + " in this account.");

    /// <summary>POST calls/{callId}/label {"label":"fraud"|"genuine"}: stored, counted against the caller, audited.</summary>
    public static async Task<IResult> Label(string account, string callId, HttpContext http, CallRecordStore store, CallLabels labels, CallAudit audit, CancellationToken ct)
    {
        var (request, error) = await AdminJson.ReadAsync(http.Request, CallsJsonContext.Api.LabelRequest, ct);
        if (error is not null)
        {
            return error;
        }

        if (request!.Label is not ("fraud" or "genuine"))
        {
            return AdminResults.Invalid("label", "must be \"fraud\" or \"genuine\".");
        }

        var record = await store.GetAsync(account, callId, ct);
        if (record is null)
        {
            return AdminResults.NotFound("No call " + callId + " in this account.");
        }

        var previous = await labels.LabelAsync(account, record, request.Label, http.Caller().KeyId, ct);
        await audit.WriteAsync(account, "calls/" + callId + "/label", Labelled(previous), Labelled(request.Label), http.Actor(), ct);
        return TypedResults.Json(new LabelResponse(callId, request.Label, previous), CallsJsonContext.Api.LabelResponse);
    }

    private static string? Labelled(string? label) => label is null ? null : "{\"label\":\"" + label + "\"}";

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
