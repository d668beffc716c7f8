using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Smartnumbers.Core.Scheduling;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;
using Smartnumbers.Functions.Scheduling;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// /api/accounts/{account}/schedules: planned plan switches ("activate leeds-closed at Friday 17:00, deactivate it at
/// Monday 08:00"). Entries are listed with who made them and what became of each half; cancel stops what is pending.
/// </summary>
internal static class ScheduleEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("schedules", ListSchedules);
        group.MapGet("schedules/{id}", GetSchedule);
        group.MapPost("schedules", CreateSchedule).Needs(ApiKeyRole.Operator);
        group.MapPost("schedules/{id}:cancel", CancelSchedule).Needs(ApiKeyRole.Operator);
    }

    public static async Task<IResult> ListSchedules(string account, ConfigDocuments documents, PlanSchedules schedules, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var list = new JsonArray([.. (await schedules.ListAsync(account, ct)).Select(View)]);
        return TypedResults.Json(new JsonObject { ["schedules"] = list }, ConfigJsonContext.Web.JsonObject);
    }

    public static async Task<IResult> GetSchedule(string account, string id, PlanSchedules schedules, CancellationToken ct) =>
        await schedules.GetAsync(account, id, ct) is { } entry ? Answer(entry) : AdminResults.NotFound("The schedule entry does not exist.");

    public static async Task<IResult> CreateSchedule(string account, HttpContext http, PlanSchedules schedules, CancellationToken ct)
    {
        var (request, error) = await AdminJson.ReadAsync(http.Request, ConfigJsonContext.Strict.ScheduleRequest, ct);
        if (error is not null)
        {
            return error;
        }

        var (entry, errors, outcome) = await schedules.CreateAsync(account, request!, http.Actor(), ct);
        return entry is not null ? TypedResults.Created($"/api/accounts/{account}/schedules/{entry.Id}", View(entry))
            : errors.Count > 0 ? AdminResults.Invalid([.. errors.Select(e => new FieldError(e.Field, e.Message))])
            : AdminResults.Refused(outcome, outcome == WriteOutcome.NotFound ? "The account does not exist." : null, null);
    }

    public static async Task<IResult> CancelSchedule(string account, string id, HttpContext http, PlanSchedules schedules, CancellationToken ct)
    {
        var (entry, result) = await schedules.CancelAsync(account, id, http.Actor(), ct);
        return result.Outcome == WriteOutcome.Done ? Answer(entry!) : AdminResults.Refused(result);
    }

    private static JsonHttpResult<JsonObject> Answer(PlanSchedule entry) => TypedResults.Json(View(entry), ConfigJsonContext.Web.JsonObject);

    private static JsonObject View(PlanSchedule entry) => JsonSerializer.SerializeToNode(entry, ConfigJsonContext.Web.PlanSchedule)!.AsObject();
}
