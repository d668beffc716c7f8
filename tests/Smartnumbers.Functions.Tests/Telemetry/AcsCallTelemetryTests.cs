using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Acs;
using Smartnumbers.Functions.Tests.CallRecords;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>An ACS call's IncomingCall event and its Call Automation callbacks, found together by the call id.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class AcsCallTelemetryTests(AcsTelemetryAppFactory factory)
{
    private const string CallId = "smartnumbers.call_id";

    [Fact]
    public async Task The_incoming_event_and_the_callbacks_of_one_acs_call_share_its_call_id()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        var route = new Route
        {
            Steps = [new RouteStep { Destinations = ["+441134960000"], RingSeconds = 15 }, new RouteStep { Destinations = ["+447700900555"], RingSeconds = 25 }],
        };
        Assert.Equal(WriteOutcome.Done, (await documents.PutNumberAsync(account, number, new NumberConfig { Route = route }, null, TestAccounts.Actor, default)).Outcome);
        await factory.Services.GetRequiredService<ISnapshotProvider>().RefreshAsync(account);

        var call = await AcsCallScenario.AnswerAsync(factory, number, from: "+447700900123");
        Assert.Equal(HttpStatusCode.OK, await call.SendAsync("CallConnected", null));

        var incoming = await Poll.UntilAsync(
            () => Task.FromResult(factory.Telemetry.Spans.Copy().FirstOrDefault(s => s.Kind == ActivityKind.Server
                && Equals(s.GetTagItem("http.route"), "/api/acs/incoming") && Equals(s.GetTagItem("smartnumbers.account"), account))),
            s => s is not null, TimeSpan.FromSeconds(10));
        var callId = Assert.IsType<string>(incoming!.GetTagItem(CallId));
        Assert.Equal("acs", incoming.GetTagItem("smartnumbers.carrier"));
        Assert.Equal("connect", incoming.GetTagItem("smartnumbers.action"));
        var callback = await Poll.UntilAsync(
            () => Task.FromResult(factory.Telemetry.Spans.Copy().FirstOrDefault(s => s.Kind == ActivityKind.Server
                && Equals(s.GetTagItem("http.route"), "/api/acs/callbacks") && Equals(s.GetTagItem(CallId), callId))),
            s => s is not null, TimeSpan.FromSeconds(10));
        Assert.NotEqual(incoming.TraceId, callback!.TraceId);
        // The Call Automation requests the app made while answering carry the call id too.
        Assert.Contains(factory.Telemetry.Spans.Copy(), s => s.TraceId == incoming.TraceId && s.Kind == ActivityKind.Client && Equals(s.GetTagItem(CallId), callId));
    }
}
