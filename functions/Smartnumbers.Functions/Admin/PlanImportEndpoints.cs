using System.Text.Json;
using System.Text.Json.Nodes;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// POST /api/accounts/{account}/plans:import (text/csv, ?dryRun=true): creates or replaces several plans at once,
/// all or nothing, in one transaction with one audit row. Every error is reported with its row and column.
/// A replaced plan keeps its name and default route; its entries are the CSV's.
/// </summary>
internal static class PlanImportEndpoints
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("plans:import", ImportPlans).Needs(ApiKeyRole.Operator);

    public static async Task<IResult> ImportPlans(string account, bool? dryRun, HttpContext http, ConfigDocuments documents, CancellationToken ct)
    {
        if (http.Request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the plans as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
        }

        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (text.Length > AdminJson.MaxBodyBytes)
        {
            return AdminResults.Invalid("body", $"must be at most {AdminJson.MaxBodyBytes} characters.");
        }

        var numbers = (await documents.Store.ListAsync(account, ConfigRows.NumberPrefix, ct))
            .Select(r => r.RowKey[ConfigRows.NumberPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var (parsed, errors) = await PlanCsv.ParseAsync(text, numbers, ct);
        if (errors.Count > 0)
        {
            return AdminResults.CsvInvalid(errors);
        }

        var keys = parsed.Keys.Select(ConfigRows.Plan).Append(ConfigRows.Account).ToList();
        var summary = new JsonArray();
        if (dryRun == true)
        {
            foreach (var (id, entries) in parsed)
            {
                var exists = await documents.Store.GetAsync(account, ConfigRows.Plan(id), ct) is not null;
                summary.Add(Summary(id, entries.Count, exists));
            }

            return TypedResults.Json(new JsonObject { ["dryRun"] = true, ["plans"] = summary }, ConfigJsonContext.Web.JsonObject);
        }

        var result = await documents.WriteAsync(account, keys, rows =>
        {
            summary.Clear();
            if (rows[ConfigRows.Account] is null)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.");
            }

            var changes = new List<RowChange>();
            var before = new JsonObject();
            var after = new JsonObject();
            foreach (var (id, entries) in parsed)
            {
                var current = rows[ConfigRows.Plan(id)]?.Json is { } j ? JsonSerializer.Deserialize(j, ConfigJsonContext.Web.DialPlan) : null;
                var plan = new DialPlan { Name = current?.Name ?? id, Entries = entries, DefaultRoute = current?.DefaultRoute };
                var json = JsonSerializer.Serialize(plan, ConfigJsonContext.Web.DialPlan);
                changes.Add(new RowChange(ConfigRows.Plan(id), json));
                before[id] = rows[ConfigRows.Plan(id)]?.Json is { } b ? JsonNode.Parse(b) : null;
                after[id] = JsonNode.Parse(json);
                summary.Add(Summary(id, entries.Count, current is not null));
            }

            return new ConfigChange
            {
                Rows = changes,
                Action = "import",
                Resource = "plans:import",
                Before = before.ToJsonString(),
                After = after.ToJsonString(),
            };
        }, http.Actor(), ct);
        return result.Outcome == WriteOutcome.Done
            ? TypedResults.Json(new JsonObject { ["dryRun"] = false, ["plans"] = summary }, ConfigJsonContext.Web.JsonObject)
            : AdminResults.Refused(result);
    }

    private static JsonObject Summary(string id, int entries, bool replaced) =>
        new() { ["id"] = id, ["entries"] = entries, ["result"] = replaced ? "replaced" : "created" };
}
