using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Admin;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>GET /api/accounts/{account}/reports/summary?from&amp;to&amp;highRiskScore (viewer): volume figures from the call records.</summary>
internal static class ReportEndpoints
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public static void Map(RouteGroupBuilder group) => group.MapGet("reports/summary", Summary);

    public static async Task<IResult> Summary(string account, HttpContext http, CallRecordStore store, ConfigDocuments documents, TimeProvider time, int? highRiskScore, CancellationToken ct)
    {
        var (query, problem) = CallQuery.Parse(http.Request.Query);
        if (problem is not null)
        {
            return problem;
        }

        var to = query!.To ?? time.GetUtcNow();
        var from = query.From ?? to - DefaultRange;
        if (to <= from)
        {
            return AdminResults.Invalid(query.To is null ? "from" : "to", "the range must end after it starts.");
        }

        if (to - from > MaxRange)
        {
            return AdminResults.Invalid("to", $"the range must be at most {MaxRange.TotalDays} days.");
        }

        var threshold = highRiskScore ?? new FraudPolicy().Threshold;
        if (threshold is < 0 or > 100)
        {
            return AdminResults.Invalid("highRiskScore", "must be 0–100.");
        }

        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var summary = new CallSummaryBuilder(from, to, threshold);
        await foreach (var record in (query with { From = from, To = to }).RunAsync(store, account, ct))
        {
            summary.Add(record);
        }

        return TypedResults.Json(summary.Build(), CallsJsonContext.Api.CallSummary);
    }
}
