using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Event Grid deliveries with Entra auth: Event Grid's app, our audience, the subscriber role, a genuine key.</summary>
public sealed class EntraEventGridDeliveryTests(AcsEntraAppFactory factory) : IClassFixture<AcsEntraAppFactory>
{
    private async Task<HttpResponseMessage> ValidateAsync(string? token, string secret = AcsAppFactory.EventGridSecret)
    {
        var body = new JsonArray(AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.EventGrid.SubscriptionValidationEvent", new JsonObject { ["validationCode"] = "code-1" }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/acs/incoming?secret=" + secret)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Delivery_with_event_grids_token_and_the_secret_is_accepted()
    {
        var response = await ValidateAsync(factory.EventGridToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("code-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Refusals => ["no-token", "other-app", "no-role", "forged", "no-secret"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Delivery_is_refused_without_a_genuine_event_grid_token_and_the_secret(string refusal)
    {
        var response = refusal switch
        {
            "no-token" => await ValidateAsync(null),
            "other-app" => await ValidateAsync(factory.EventGridToken(appId: Guid.NewGuid().ToString())),
            "no-role" => await ValidateAsync(factory.EventGridToken(role: "Reader")),
            "forged" => await ValidateAsync(factory.EventGridToken(forged: true)),
            _ => await ValidateAsync(factory.EventGridToken(), secret: "wrong-secret-0123456789abc"),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
