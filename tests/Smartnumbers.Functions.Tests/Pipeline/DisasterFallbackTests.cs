using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Twilio;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>
/// When deciding fails during a disaster, the fallback follows what the disaster changed: the active dial plan or an
/// override, never the failed site of the normal route.
/// </summary>
public sealed class DisasterFallbackTests(FaultyDecisionFactory factory) : IClassFixture<FaultyDecisionFactory>
{
    private const string FailedSite = "+441134960000";
    private const string DrSite = "+442079460000";

    private async Task<TwilioCalls> NumberInDisasterAsync()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = TwilioCalls.Route(([FailedSite], 20)) });
        var admin = new AdminTestClient(factory.CreateClient(), calls.Account);
        using var plan = await admin.PutAsync("/plans/dr", AdminTestClient.PlanDoc(calls.Number, DrSite));
        using var load = await admin.PostAsync("/plans/dr:load");
        using var activate = await admin.PostAsync("/plans/dr:activate");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (plan.StatusCode, load.StatusCode, activate.StatusCode));
        return calls;
    }

    [Fact]
    public async Task A_fault_while_deciding_connects_the_caller_by_the_active_dial_plan_not_the_normal_route()
    {
        var calls = await NumberInDisasterAsync();

        var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller);

        Assert.Equal(DrSite, twiml.Element("Dial")!.Element("Number")!.Value);
    }

    [Fact]
    public async Task A_dial_result_that_cannot_be_handled_goes_on_by_the_active_dial_plan_not_the_normal_route()
    {
        var calls = await NumberInDisasterAsync();
        var handler = factory.Services.GetRequiredService<TwilioCallHandler>();
        var form = new FormCollection(new Dictionary<string, StringValues> { ["CallSid"] = TwilioWebhook.NewCallSid(), ["To"] = calls.Number, ["From"] = TwilioCalls.GenuineCaller });

        var reply = await handler.DialResultFallbackAsync(form, default);

        var twiml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(reply.Body.Span)).Root!;
        Assert.Equal(DrSite, twiml.Element("Dial")!.Element("Number")!.Value);
    }
}
