using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class PlanImportTests(SmartnumbersAppFactory factory)
{
    private const string Header = "plan,number,step,destinations,ringSeconds,announcement\n";

    private async Task<(AdminTestClient Admin, string Number)> AccountAsync()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using var put = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc());
        return (admin, number);
    }

    private static Task<HttpResponseMessage> ImportAsync(AdminTestClient admin, string csv, bool dryRun = false) =>
        admin.SendAsync(HttpMethod.Post, "/plans:import" + (dryRun ? "?dryRun=true" : ""), csv, contentType: "text/csv");

    [Fact]
    public async Task Import_creates_several_plans_with_ordered_steps_in_one_audited_write()
    {
        var (admin, number) = await AccountAsync();
        var auditBefore = (await admin.AuditAsync()).Count;
        var csv = Header
            + $"leeds,{number},2,+442079460002,25,\n"
            + $"leeds,{number},1,+442079460000;+442079460001,,Leeds is closed\n"
            + $"london,{number},1,sip:agent@pbx.example,30,\n";

        using var response = await ImportAsync(admin, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var leeds = await admin.JsonAsync("/plans/leeds");
        var steps = leeds["entries"]![0]!["route"]!["steps"]!.AsArray();
        Assert.Equal(["+442079460000", "+442079460001"], steps[0]!["destinations"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(20, steps[0]!["ringSeconds"]!.GetValue<int>());
        Assert.Equal(25, steps[1]!["ringSeconds"]!.GetValue<int>());
        Assert.Equal("Leeds is closed", leeds["entries"]![0]!["route"]!["announcement"]!.GetValue<string>());
        Assert.Equal("sip:agent@pbx.example", (await admin.JsonAsync("/plans/london"))["entries"]![0]!["route"]!["steps"]![0]!["destinations"]![0]!.GetValue<string>());
        Assert.Equal(auditBefore + 1, (await admin.AuditAsync()).Count);
    }

    [Fact]
    public async Task Dry_run_reports_the_outcome_and_writes_nothing()
    {
        var (admin, number) = await AccountAsync();

        using var response = await ImportAsync(admin, Header + $"leeds,{number},1,+442079460000,,\n", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body["dryRun"]!.GetValue<bool>());
        Assert.Equal("created", body["plans"]![0]!["result"]!.GetValue<string>());
        using var absent = await admin.GetAsync("/plans/leeds");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
    }

    [Fact]
    public async Task Every_error_is_reported_with_row_and_column_and_nothing_is_imported()
    {
        var (admin, number) = await AccountAsync();
        var csv = Header
            + $"good,{number},1,+442079460000,,\n"
            + "bad,+44,1,+442079460000,,\n"
            + $"dup,{number},1,+442079460000,,\n"
            + $"dup,{number},1,+442079460001,,\n"
            + $"ring,{number},1,+442079460000,2,\n"
            + $"Bad Plan,{number},1,+442079460000,,\n";

        using var response = await ImportAsync(admin, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await AdminTestClient.ProblemAsync(response))["errors"]!.AsArray()
            .Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Contains((3, "number"), errors);
        Assert.Contains((5, "step"), errors);
        Assert.Contains((6, "ringSeconds"), errors);
        Assert.Contains((7, "plan"), errors);
        using var good = await admin.GetAsync("/plans/good");
        Assert.Equal(HttpStatusCode.NotFound, good.StatusCode);
    }

    [Fact]
    public async Task An_unknown_column_is_reported_on_the_header_row()
    {
        var (admin, number) = await AccountAsync();

        using var response = await ImportAsync(admin, "plan,number,step,destinations,colour\n" + $"p,{number},1,+442079460000,red\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await AdminTestClient.ProblemAsync(response))["errors"]![0]!;
        Assert.Equal((1, "colour"), (error["row"]!.GetValue<int>(), error["column"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_gap_in_the_steps_and_a_number_of_another_account_are_errors()
    {
        var (admin, number) = await AccountAsync();

        using var response = await ImportAsync(admin, Header + $"p,{number},1,+442079460000,,\n" + $"p,{number},3,+442079460000,,\n" + $"p,{AdminTestClient.NewNumber()},1,+442079460000,,\n");

        var errors = (await AdminTestClient.ProblemAsync(response))["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Contains((2, "step"), errors);
        Assert.Contains((4, "number"), errors);
    }

    [Fact]
    public async Task Import_replaces_an_existing_plan_keeping_its_name()
    {
        var (admin, number) = await AccountAsync();
        using (await admin.PutAsync("/plans/leeds", AdminTestClient.PlanDoc(number)))
        {
        }

        using var response = await ImportAsync(admin, Header + $"leeds,{number},1,+442079460009,,\n");

        Assert.Equal("replaced", (await response.Content.ReadFromJsonAsync<JsonObject>())!["plans"]![0]!["result"]!.GetValue<string>());
        var plan = await admin.JsonAsync("/plans/leeds");
        Assert.Equal("Plan", plan["name"]!.GetValue<string>());
        Assert.Equal("+442079460009", plan["entries"]![0]!["route"]!["steps"]![0]!["destinations"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_needs_text_csv()
    {
        var (admin, _) = await AccountAsync();

        using var response = await admin.PostAsync("/plans:import", "{}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
