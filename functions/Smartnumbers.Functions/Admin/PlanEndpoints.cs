using System.Text.Json;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// /api/accounts/{account}/plans: stored plans, loading into slots 1–5, activation (at most one). The state operations
/// answer the plan state's ETag, and honour If-Match against it.
/// </summary>
internal static class PlanEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("plans", ListPlans);
        group.MapGet("plans/{plan}", GetPlan);
        group.MapPut("plans/{plan}", PutPlan).Needs(ApiKeyRole.Operator);
        group.MapDelete("plans/{plan}", DeletePlan).Needs(ApiKeyRole.Operator);
        group.MapPost("plans/{plan}:load", LoadPlan).Needs(ApiKeyRole.Operator);
        group.MapPost("plans/{plan}:unload", UnloadPlan).Needs(ApiKeyRole.Operator);
        group.MapPost("plans/{plan}:activate", ActivatePlan).Needs(ApiKeyRole.Operator);
        group.MapPost("plans:deactivate", DeactivatePlans).Needs(ApiKeyRole.Operator);
    }

    public static async Task<IResult> ListPlans(string account, HttpContext http, ConfigDocuments documents, IRoutingControl control, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var (state, etag) = await control.GetPlanStateAsync(account, ct);
        var plans = await documents.ListAsync(account, ConfigRows.PlanPrefix, ConfigJsonContext.Web.DialPlan, ct);
        var list = new JsonArray();
        foreach (var (id, plan, planETag) in plans)
        {
            var slot = state.LoadedSlots.FirstOrDefault(s => s.Value == id);
            list.Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = plan.Name,
                ["state"] = state.ActivePlanId == id ? "active" : slot.Value is not null ? "loaded" : "stored",
                ["slot"] = slot.Value is not null ? slot.Key : null,
                ["entries"] = plan.Entries.Count,
                ["etag"] = planETag,
            });
        }

        var body = new JsonObject { ["activePlan"] = state.ActivePlanId, ["plans"] = list };
        return AdminResults.WithETag(http, etag, TypedResults.Json(body, ConfigJsonContext.Web.JsonObject));
    }

    public static Task<IResult> GetPlan(string account, string plan, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.GetAsync(http, documents, account, ConfigRows.Plan(plan), ConfigJsonContext.Web.DialPlan, ct);

    public static Task<IResult> PutPlan(string account, string plan, HttpContext http, ConfigDocuments documents, IDocumentValidator validator, CancellationToken ct)
    {
        if (!AccountIds.IsValid(plan))
        {
            return Task.FromResult(AdminResults.Invalid("plan", "must be 1–40 of a-z, 0-9 and '-'."));
        }

        return DocumentResource.PutAsync(http, ConfigJsonContext.Strict.DialPlan, ConfigJsonContext.Web.DialPlan,
            validator.Validate,
            doc => AccountReferences.UnknownNumbersAsync(documents, account, doc.Entries.Select((e, i) => ($"entries[{i}].number", e.Number)), ct),
            (doc, ifMatch) => documents.PutAsync(account, ConfigRows.Plan(plan), doc, ConfigJsonContext.Web.DialPlan, ifMatch, http.Actor(), "plans/" + plan, ct),
            ConfigRows.Plan(plan), ct);
    }

    /// <summary>Deleting a loaded (or active) plan is refused: unload it first.</summary>
    public static async Task<IResult> DeletePlan(string account, string plan, HttpContext http, ConfigDocuments documents, CancellationToken ct)
    {
        var key = ConfigRows.Plan(plan);
        var ifMatch = AdminResults.IfMatch(http.Request);
        var result = await documents.WriteAsync(account, [key, ConfigRows.PlanState], rows =>
        {
            if (rows[key] is not { } current)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The plan does not exist.");
            }

            var state = rows[ConfigRows.PlanState]?.Json is { } json ? JsonSerializer.Deserialize(json, ConfigJsonContext.Web.DialPlanState) : null;
            if (state?.LoadedSlots.Values.Contains(plan) == true)
            {
                return ConfigChange.Refuse(WriteOutcome.Conflict, "The plan is loaded; unload it first.", "plan");
            }

            return ConfigDocuments.Precondition(current, ifMatch)
                ?? new ConfigChange { Rows = [RowChange.Remove(key)], Action = "DELETE", Resource = "plans/" + plan, Before = current.Json };
        }, http.Actor(), ct);
        return result.Outcome == WriteOutcome.Done ? TypedResults.NoContent() : AdminResults.Refused(result);
    }

    public static async Task<IResult> LoadPlan(string account, string plan, HttpContext http, IRoutingControl control, CancellationToken ct)
    {
        int? slot = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (body, error) = await AdminJson.ReadAsync(http.Request, ConfigJsonContext.Strict.LoadRequest, ct);
            if (error is not null)
            {
                return error;
            }

            slot = body!.Slot;
        }

        return Answer(http, await control.LoadPlanAsync(account, plan, slot, http.Actor(), AdminResults.IfMatch(http.Request), ct));
    }

    public static async Task<IResult> UnloadPlan(string account, string plan, HttpContext http, IRoutingControl control, CancellationToken ct) =>
        Answer(http, await control.UnloadPlanAsync(account, plan, http.Actor(), AdminResults.IfMatch(http.Request), ct));

    public static async Task<IResult> ActivatePlan(string account, string plan, HttpContext http, IRoutingControl control, CancellationToken ct) =>
        Answer(http, await control.ActivatePlanAsync(account, plan, http.Actor(), AdminResults.IfMatch(http.Request), ct));

    public static async Task<IResult> DeactivatePlans(string account, HttpContext http, IRoutingControl control, CancellationToken ct) =>
        Answer(http, await control.DeactivatePlanAsync(account, http.Actor(), AdminResults.IfMatch(http.Request), ct));

    /// <summary>Success: the new plan state with its ETag.</summary>
    private static IResult Answer(HttpContext http, ControlResult result) =>
        result.Succeeded
            ? AdminResults.WithETag(http, result.ETag, TypedResults.Json(result.PlanState!, ConfigJsonContext.Web.DialPlanState))
            : AdminResults.Refused(result);
}
