using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Admin;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// GET /api/accounts/{account}/reports/summary?from&amp;to&amp;highRiskScore (viewer): volume figures from the call records
/// and their hourly roll-ups (<see cref="CallSummaryReader"/>);
/// without highRiskScore a call is high risk against its number's own fraud threshold.
/// </summary>
internal static class ReportEndpoints
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);
    private static readonly FraudPolicy DefaultPolicy = new();

    public static void Map(RouteGroupBuilder group) => group.MapGet("reports/summary", Summary);

    public static async Task<IResult> Summary(string account, HttpContext http, CallSummaryReader reader, ConfigDocuments documents, TimeProvider time, int? highRiskScore, CancellationToken ct)
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

        if (highRiskScore is < 0 or > 100)
        {
            return AdminResults.Invalid("highRiskScore", "must be 0–100.");
        }

        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        // Each number's own fraud threshold (the default for a number without a policy), unless the request names one.
        var thresholds = highRiskScore is null
            ? (await documents.ListAsync(account, ConfigRows.NumberPrefix, ConfigJsonContext.Web.NumberConfig, ct))
                .ToDictionary(n => n.Id, n => (n.Document.Fraud ?? DefaultPolicy).Threshold, StringComparer.Ordinal)
            : [];
        var summary = await reader.ReadAsync(account, query with { From = from, To = to }, number => thresholds.TryGetValue(number, out var t) ? t : DefaultPolicy.Threshold, highRiskScore, ct);
        return TypedResults.Json(summary, CallsJsonContext.Api.CallSummary);
    }
}
