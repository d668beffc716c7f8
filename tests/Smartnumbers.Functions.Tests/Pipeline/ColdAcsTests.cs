using System.Net;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>ACS on a new instance whose storage refuses: a call it cannot place is never rejected.</summary>
public sealed class ColdAcsTests
{
    private const string EmergencyLine = "+441614960000";

    private static async Task<(ColdAcsFactory App, AcsTestClient Client, string Number)> ColdAppWithNumberAsync(string? emergencyRoute)
    {
        var app = new ColdAcsFactory(emergencyRoute);
        await app.InitializeAsync();
        var (_, number) = await TestAccounts.CreateAsync(await TestAccounts.DocumentsAsync(app));
        app.Gate.Close();
        return (app, new AcsTestClient(app), number);
    }

    [Fact]
    public async Task With_storage_refusing_and_no_emergency_route_a_call_to_a_number_never_read_is_left_alone_not_rejected()
    {
        var (app, client, number) = await ColdAppWithNumberAsync(null);
        try
        {
            var (response, context) = await client.IncomingCallAsync(number, "+447911123456");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(client.RequestsFor(context));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task With_storage_refusing_a_call_to_a_number_never_read_is_redirected_to_the_emergency_route()
    {
        var (app, client, number) = await ColdAppWithNumberAsync(EmergencyLine);
        try
        {
            var (response, context) = await client.IncomingCallAsync(number, "+447911123456");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var redirect = Assert.Single(client.RequestsFor(context));
            Assert.Equal("/calling/callConnections:redirect", redirect.Path);
            Assert.Equal(EmergencyLine, redirect.Json!["target"]!["phoneNumber"]!["value"]!.GetValue<string>());
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
