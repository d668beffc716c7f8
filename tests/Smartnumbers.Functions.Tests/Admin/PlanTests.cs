using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class PlanTests(SmartnumbersAppFactory factory)
{
    private async Task<(AdminTestClient Admin, string Number)> AccountWithPlansAsync(params string[] plans)
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using var put = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc());
        foreach (var plan in plans)
        {
            using var p = await admin.PutAsync("/plans/" + plan, AdminTestClient.PlanDoc(number, "+44207946000" + plans.ToList().IndexOf(plan)));
            Assert.Equal(HttpStatusCode.OK, p.StatusCode);
        }

        return (admin, number);
    }

    [Fact]
    public async Task A_plan_goes_stored_loaded_active_and_back_and_the_call_path_sees_each_step_at_once()
    {
        var (admin, number) = await AccountWithPlansAsync("leeds-closed");
        var snapshots = factory.Services.GetRequiredService<ISnapshotProvider>();

        Assert.Equal("stored", (await admin.JsonAsync("/plans"))["plans"]![0]!["state"]!.GetValue<string>());
        using var load = await admin.PostAsync("/plans/leeds-closed:load", """{"slot":3}""");
        Assert.Equal(HttpStatusCode.OK, load.StatusCode);
        var listed = (await admin.JsonAsync("/plans"))["plans"]![0]!;
        Assert.Equal(("loaded", 3), (listed["state"]!.GetValue<string>(), listed["slot"]!.GetValue<int>()));

        using var activate = await admin.PostAsync("/plans/leeds-closed:activate");
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        Assert.Equal("leeds-closed", (await snapshots.FindByCalledNumberAsync(number))!.PlanState.ActivePlanId);
        Assert.Equal("active", (await admin.JsonAsync("/plans"))["plans"]![0]!["state"]!.GetValue<string>());

        using var unloadActive = await admin.PostAsync("/plans/leeds-closed:unload");
        Assert.Equal(HttpStatusCode.Conflict, unloadActive.StatusCode);

        using var deactivate = await admin.PostAsync("/plans:deactivate");
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Null((await snapshots.FindByCalledNumberAsync(number))!.PlanState.ActivePlanId);

        using var unload = await admin.PostAsync("/plans/leeds-closed:unload");
        Assert.Equal(HttpStatusCode.OK, unload.StatusCode);
        Assert.Equal("stored", (await admin.JsonAsync("/plans"))["plans"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_sixth_loaded_plan_is_refused_naming_the_slot()
    {
        var (admin, _) = await AccountWithPlansAsync("p1", "p2", "p3", "p4", "p5", "p6");
        foreach (var plan in new[] { "p1", "p2", "p3", "p4", "p5" })
        {
            using var loaded = await admin.PostAsync($"/plans/{plan}:load");
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        using var sixth = await admin.PostAsync("/plans/p6:load");
        using var taken = await admin.PostAsync("/plans/p6:load", """{"slot":2}""");
        using var outOfRange = await admin.PostAsync("/plans/p6:load", """{"slot":6}""");

        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Equal("slot", (await AdminTestClient.ProblemAsync(sixth))["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(outOfRange))["errors"]!["slot"]);
        var slots = (await admin.JsonAsync("/plans"))["plans"]!.AsArray().Where(p => p!["state"]!.GetValue<string>() == "loaded").Select(p => p!["slot"]!.GetValue<int>());
        Assert.Equal([1, 2, 3, 4, 5], slots.Order());
    }

    [Fact]
    public async Task Concurrent_activations_of_different_plans_leave_exactly_one_active_and_one_412()
    {
        var (admin, number) = await AccountWithPlansAsync("plan-a", "plan-b");
        using (await admin.PostAsync("/plans/plan-a:load"))
        using (var loadB = await admin.PostAsync("/plans/plan-b:load"))
        {
            Assert.Equal(HttpStatusCode.OK, loadB.StatusCode);
        }

        using var state = await admin.GetAsync("/plans");
        var etag = AdminTestClient.ETag(state);

        var responses = await Task.WhenAll(
            admin.PostAsync("/plans/plan-a:activate", ifMatch: etag),
            admin.PostAsync("/plans/plan-b:activate", ifMatch: etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var active = (await winner.Content.ReadFromJsonAsync<JsonObject>())!["activePlanId"]!.GetValue<string>();
        Assert.Equal(active, (await admin.JsonAsync("/plans"))["activePlan"]!.GetValue<string>());
        Assert.Equal(active, (await factory.Services.GetRequiredService<ISnapshotProvider>().FindByCalledNumberAsync(number))!.PlanState.ActivePlanId);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task Activating_an_unloaded_plan_or_deleting_a_loaded_one_is_refused()
    {
        var (admin, _) = await AccountWithPlansAsync("p1");

        using var notLoaded = await admin.PostAsync("/plans/p1:activate");
        using var unknown = await admin.PostAsync("/plans/nope:load");
        using (await admin.PostAsync("/plans/p1:load"))
        {
        }

        using var deleteLoaded = await admin.DeleteAsync("/plans/p1");
        using (await admin.PostAsync("/plans/p1:unload"))
        {
        }

        using var deleted = await admin.DeleteAsync("/plans/p1");

        Assert.Equal(HttpStatusCode.Conflict, notLoaded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deleteLoaded.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task A_plan_naming_a_number_the_account_does_not_have_is_refused()
    {
        var (admin, _) = await AccountWithPlansAsync();

        using var response = await admin.PutAsync("/plans/p1", AdminTestClient.PlanDoc(AdminTestClient.NewNumber()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(response))["errors"]!["entries[0].number"]);
    }
}
