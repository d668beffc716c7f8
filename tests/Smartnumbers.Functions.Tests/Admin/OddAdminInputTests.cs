using System.Net;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

/// <summary>Admin input the fuzz found answered 500: a path id no resource can have, a null where a name is required.</summary>
[Collection(AppCollection.Name)]
public sealed class OddAdminInputTests(SmartnumbersAppFactory factory)
{
    private static readonly string LongId = string.Concat(Enumerable.Repeat("%F0%9F%98%80", 2_500));

    [Theory]
    [InlineData("DELETE", "/plans/{id}")]
    [InlineData("POST", "/plans/{id}:load")]
    [InlineData("GET", "/sites/{id}")]
    [InlineData("DELETE", "/staff/{id}")]
    [InlineData("DELETE", "/keys/{id}")]
    [InlineData("GET", "/lists/block/{id}")]
    [InlineData("DELETE", "/overrides/{id}")]
    public async Task A_path_id_no_resource_can_have_is_not_found(string method, string path)
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var longId = await admin.SendAsync(new HttpMethod(method), path.Replace("{id}", LongId, StringComparison.Ordinal), method == "POST" ? """{"slot":3}""" : null);
        using var slashes = await admin.SendAsync(new HttpMethod(method), path.Replace("{id}", "a%2Fb%23c", StringComparison.Ordinal), method == "POST" ? """{"slot":3}""" : null);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { longId.StatusCode, slashes.StatusCode });
    }

    [Fact]
    public async Task A_key_whose_name_is_null_is_a_validation_error()
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var response = await admin.PostAsync("/keys", """{"role":"viewer","name":null}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(response))["errors"]!["name"]);
    }

    [Theory]
    [InlineData("/plans/day", """{"name":"Day","entries":null}""", "entries")]
    [InlineData("/numbers/+441174960123", """{"label":"x","route":null}""", "route")]
    [InlineData("/sites/leeds", """{"name":null}""", "name")]
    public async Task An_explicit_null_for_a_member_that_cannot_be_null_is_a_validation_error_naming_it(string path, string json, string field)
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var response = await admin.PutAsync(path, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(response))["errors"]![field]);
    }
}
