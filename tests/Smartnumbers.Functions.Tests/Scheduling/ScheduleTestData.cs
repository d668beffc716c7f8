using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Scheduling;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Scheduling;

/// <summary>
/// An account with one number and two loaded plans (leeds-closed, weekend), made through the admin API; and a
/// FirePlanSchedules timer of an app instance reading its own <see cref="FakeTimeProvider"/>.
/// </summary>
internal static class ScheduleTestData
{
    public static async Task<AdminTestClient> AccountWithPlansAsync(SmartnumbersAppFactory factory)
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using (var put = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc()))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        foreach (var plan in new[] { "leeds-closed", "weekend" })
        {
            using var put = await admin.PutAsync("/plans/" + plan, AdminTestClient.PlanDoc(number));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            using var load = await admin.PostAsync($"/plans/{plan}:load");
            Assert.Equal(HttpStatusCode.OK, load.StatusCode);
        }

        return admin;
    }

    /// <summary>POST …/schedules; asserts 201 and returns the entry.</summary>
    public static async Task<JsonNode> ScheduleAsync(AdminTestClient admin, string plan, string activateAt, string? deactivateAt = null)
    {
        var body = new JsonObject { ["plan"] = plan, ["activateAt"] = activateAt, ["deactivateAt"] = deactivateAt, ["note"] = "office move" };
        using var response = await admin.PostAsync("/schedules", body.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The timer of <paramref name="factory"/>'s app instance, its clock being <paramref name="clock"/>.</summary>
    public static FirePlanSchedulesTimer Timer(SmartnumbersAppFactory factory, FakeTimeProvider clock) =>
        new(ActivatorUtilities.CreateInstance<PlanSchedules>(factory.Services, clock));

    public static Task<IReadOnlyList<string>> RunAsync(this FirePlanSchedulesTimer timer) => timer.RunAsync(new TimerRun("schedule", false), default);

    public static async Task<string?> ActivePlanAsync(AdminTestClient admin) =>
        (await admin.JsonAsync("/plans"))["activePlan"]?.GetValue<string>();

    public static async Task<List<JsonNode>> ScheduleAuditAsync(AdminTestClient admin) =>
        [.. (await admin.AuditAsync()).Where(a => a["channel"]!.GetValue<string>() == "schedule")];
}
