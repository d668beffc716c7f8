using System.Net;
using Smartnumbers.Functions.Tests.CallRecords;

namespace Smartnumbers.Functions.Tests.Admin;

/// <summary>With Table Storage unreachable, the admin API says so (503, problem details, Retry-After), never a bare 500.</summary>
public sealed class AdminStorageOutageTests(GatedStorageAppFactory factory) : IClassFixture<GatedStorageAppFactory>
{
    [Theory]
    [InlineData("GET", "/numbers")]
    [InlineData("PUT", "/numbers/" + AdminTestClient.Number)]
    [InlineData("GET", "/calls")]
    public async Task With_storage_down_a_request_gets_503_naming_storage_with_retry_after(string method, string path)
    {
        factory.Gate.Open();
        var admin = await AdminTestClient.CreateAsync(factory);

        factory.Gate.Close();
        try
        {
            var response = await admin.SendAsync(new HttpMethod(method), path, method == "PUT" ? AdminTestClient.NumberDoc() : null);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            var problem = await AdminTestClient.ProblemAsync(response);
            Assert.Equal(503, (int?)problem["status"]);
            Assert.Contains("Table Storage", (string?)problem["detail"], StringComparison.Ordinal);
        }
        finally
        {
            factory.Gate.Open();
        }
    }

    [Fact]
    public async Task When_storage_is_back_the_same_request_succeeds()
    {
        factory.Gate.Open();
        var admin = await AdminTestClient.CreateAsync(factory);
        factory.Gate.Close();
        var during = await admin.GetAsync("/numbers");
        factory.Gate.Open();

        var after = await admin.GetAsync("/numbers");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
