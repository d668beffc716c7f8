using System.Net;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class AuthorizationTests(SmartnumbersAppFactory factory)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("snk.someaccount.0123456789abcdef.secret")]
    public async Task Missing_or_invalid_key_is_401_with_no_detail(string? key)
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var response = await admin.GetAsync("", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_key_of_account_a_gets_404_on_account_b()
    {
        var a = await AdminTestClient.CreateAsync(factory);
        var b = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using var _ = await b.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc());
        var keyOfA = await a.KeyAsync("admin");

        using var get = await b.GetAsync("/numbers/" + number, keyOfA);
        using var put = await b.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc(), keyOfA);
        using var account = await b.GetAsync("", keyOfA);
        using var keys = await b.PostAsync("/keys", """{"role":"admin","name":"x"}""", keyOfA);
        using var own = await a.GetAsync("", keyOfA);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, account.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, keys.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Viewer_reads_but_cannot_write_and_operator_switches_routing_but_cannot_change_numbers()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using var __ = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc());
        var viewer = await admin.KeyAsync("viewer");
        var op = await admin.KeyAsync("operator");

        using var viewerRead = await admin.GetAsync("/numbers/" + number, viewer);
        using var viewerWrite = await admin.PutAsync("/lists/block/+447700900666", "{}", viewer);
        using var viewerKeys = await admin.GetAsync("/keys", viewer);
        using var operatorList = await admin.PutAsync("/lists/block/+447700900666", "{}", op);
        using var operatorPlan = await admin.PutAsync("/plans/p1", AdminTestClient.PlanDoc(number), op);
        using var operatorNumber = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc(), op);
        using var operatorKey = await admin.PostAsync("/keys", """{"role":"admin","name":"x"}""", op);

        Assert.Equal(HttpStatusCode.OK, viewerRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerKeys.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorList.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorPlan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorNumber.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorKey.StatusCode);
    }

    [Fact]
    public async Task An_account_admin_issues_keys_shown_once_and_a_revoked_key_is_refused_at_once()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var accountAdmin = await admin.KeyAsync("admin");

        using var issued = await admin.PostAsync("/keys", """{"role":"viewer","name":"dashboard"}""", accountAdmin);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(issued.Content))!;
        var id = body["id"]!.GetValue<string>();
        var key = body["key"]!.GetValue<string>();
        using var works = await admin.GetAsync("", key);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);

        var listed = (await admin.JsonAsync("/keys", accountAdmin)).ToJsonString();
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('.')[^1], listed, StringComparison.Ordinal);

        using var revoked = await admin.DeleteAsync("/keys/" + id, accountAdmin);
        using var refused = await admin.GetAsync("", key);
        using var again = await admin.DeleteAsync("/keys/" + id, accountAdmin);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_key_with_a_wrong_secret_is_refused()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var key = await admin.KeyAsync("admin");
        var forged = string.Join('.', key.Split('.')[..^1]) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        using var response = await admin.GetAsync("", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
