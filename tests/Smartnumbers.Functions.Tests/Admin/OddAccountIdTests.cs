using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

/// <summary>An account id no account can have (PUT refuses it): everything under it is absent, and storage is never asked.</summary>
[Collection(AppCollection.Name)]
public sealed class OddAccountIdTests(SmartnumbersAppFactory factory)
{
    public static TheoryData<string> OddIds => new()
    {
        string.Concat(Enumerable.Repeat("%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9", 1_200)),
        "a%2Fb",
        "a%23b",
        "%01%1F",
        "UPPER",
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SmartnumbersAppFactory.BootstrapKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await factory.CreateClient().SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(OddIds))]
    public async Task Reading_or_deleting_under_an_impossible_account_id_is_not_found(string id)
    {
        using var account = await SendAsync(HttpMethod.Get, "/api/accounts/" + id);
        using var numbers = await SendAsync(HttpMethod.Get, "/api/accounts/" + id + "/numbers");
        using var deleted = await SendAsync(HttpMethod.Delete, "/api/accounts/" + id + "/numbers/+441134960001");
        using var put = await SendAsync(HttpMethod.Put, "/api/accounts/" + id + "/numbers/+441134960001", AdminTestClient.NumberDoc());

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { account.StatusCode, numbers.StatusCode, deleted.StatusCode, put.StatusCode });
    }

    [Fact]
    public async Task Creating_an_account_with_an_impossible_id_is_still_a_validation_error()
    {
        using var response = await SendAsync(HttpMethod.Put, "/api/accounts/a%23b", """{"name":"Odd"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(response))["errors"]!["account"]);
    }
}
