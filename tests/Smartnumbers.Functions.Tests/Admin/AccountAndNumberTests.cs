using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class AccountAndNumberTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public async Task Account_document_round_trips_with_an_etag()
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var put = await admin.PutAsync("", """{"name":"Northwind Bank","homeRegion":"GB","screening":{"acr":"off","icr":"announcement"},"announcements":{"closed":"Closed."}}""");
        using var get = await admin.GetAsync("");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(AdminTestClient.ETag(put), AdminTestClient.ETag(get));
        var body = (await get.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal("Northwind Bank", body["name"]!.GetValue<string>());
        Assert.Equal("announcement", body["screening"]!["icr"]!.GetValue<string>());
        Assert.Equal("Closed.", body["announcements"]!["closed"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_account_with_only_a_name_gets_the_documented_defaults()
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var put = await admin.PutAsync("", """{"name":"Minimal Ltd"}""");
        var body = await admin.JsonAsync("");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("GB", body["homeRegion"]!.GetValue<string>());
        Assert.Equal("Europe/London", body["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Number_put_get_delete_and_the_call_path_finds_it()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        var snapshots = factory.Services.GetRequiredService<ISnapshotProvider>();

        using var put = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc("+441134960123"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var found = await snapshots.FindByCalledNumberAsync(number);
        Assert.Equal("+441134960123", found!.Numbers[number].Route.Steps[0].Destinations[0]);
        var got = await admin.JsonAsync("/numbers/" + number);
        Assert.Equal("Retail", got["label"]!.GetValue<string>());

        using var deleted = await admin.DeleteAsync("/numbers/" + number);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await admin.GetAsync("/numbers/" + number);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(await snapshots.FindByCalledNumberAsync(number));
    }

    [Theory]
    [InlineData("/numbers/01134960001", """{"route":{"steps":[{"destinations":["+441134960000"]}]}}""", "e164")]
    [InlineData("/numbers/+441134960001", """{"route":{"steps":[{"destinations":["+44"]}]}}""", "route.steps[0].destinations[0]")]
    [InlineData("/numbers/+441134960001", """{"route":{"steps":[{"destinations":["+441134960000"],"ringSeconds":2}]}}""", "route.steps[0].ringSeconds")]
    [InlineData("/numbers/+441134960001", """{"route":{"steps":[{"destinations":["+441134960000"]}]},"colour":"red"}""", "colour")]
    [InlineData("/numbers/+441134960001", """{"route":{"steps":[{"destinations":["+441134960000"],"ring":5}]}}""", "route.steps[0].ring")]
    [InlineData("/numbers/+441134960001", """{"label":"no route"}""", "route")]
    [InlineData("/numbers/+441134960001", """{"route":{"steps":[{"destinations":["+441134960000"]}]},"screening":{"acr":"loud"}}""", "screening.acr")]
    [InlineData("/numbers/+441134960001", """{"route":{"steps":[{"destinations":["+441134960000"]}]},"fraud":{"enabled":true,"threshold":101}}""", "fraud.threshold")]
    [InlineData("", """{"name":"","homeRegion":"GB"}""", "name")]
    [InlineData("", """{"name":"x","homeRegion":"XX"}""", "homeRegion")]
    public async Task Invalid_documents_are_refused_with_problem_details_naming_the_field(string path, string json, string field)
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var before = (await admin.AuditAsync()).Count;

        using var response = await admin.PutAsync(path, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AdminTestClient.ProblemAsync(response);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, (await admin.AuditAsync()).Count);
    }

    [Fact]
    public async Task A_number_owned_by_another_account_cannot_be_claimed()
    {
        var first = await AdminTestClient.CreateAsync(factory);
        var second = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using var owned = await first.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc());

        using var refused = await second.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(first.Account, (await factory.Services.GetRequiredService<ISnapshotProvider>().FindByCalledNumberAsync(number))!.AccountId);
    }

    [Fact]
    public async Task Resources_of_an_account_that_does_not_exist_are_404()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var ghost = new AdminTestClient(admin.Http, SmartnumbersAppFactory.NewAccountId());

        using var get = await ghost.GetAsync("");
        using var put = await ghost.PutAsync("/numbers/" + AdminTestClient.NewNumber(), AdminTestClient.NumberDoc());

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task If_match_is_honoured_on_put_and_delete()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using var first = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc());
        var etag = AdminTestClient.ETag(first);
        using var second = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc("+441134960002"), ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var stale = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc("+441134960003"), ifMatch: etag);
        using var staleDelete = await admin.DeleteAsync("/numbers/" + number, ifMatch: etag);
        using var createOnlyIfExists = await admin.PutAsync("/numbers/" + AdminTestClient.NewNumber(), AdminTestClient.NumberDoc(), ifMatch: "*");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, createOnlyIfExists.StatusCode);
        Assert.Equal("+441134960002", (await admin.JsonAsync("/numbers/" + number))["route"]!["steps"]![0]!["destinations"]![0]!.GetValue<string>());
    }
}
