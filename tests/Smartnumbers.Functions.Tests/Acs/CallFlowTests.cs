using System.Net;
using Smartnumbers.Functions.Acs.Calls;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>An answered call walks its route through callbacks: announce, ring step by step, fail over, close.</summary>
[Collection(AcsCollection.Name)]
public sealed class CallFlowTests(AcsAppFactory factory)
{
    private static readonly AcsCallPlan TwoSteps = new()
    {
        Announcement = "Please hold.",
        Steps = [new AcsRingStep(["+441134960000"], 20), new AcsRingStep(["+447700900555"], 200)],
        ClosingAnnouncement = "Sorry, nobody is available.",
        SipHeaders = new Dictionary<string, string> { ["X-MS-Custom-Smartnumbers-Risk"] = "85" },
    };

    [Fact]
    public async Task Connected_call_plays_the_announcement_then_invites_the_first_step_with_our_caller_id()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, TwoSteps);

        await call.SendAsync("CallConnected", null);
        await call.SendAsync("PlayCompleted", "announce");

        var play = call.MidCall[0];
        Assert.EndsWith(":play", play.Path, StringComparison.Ordinal);
        Assert.Equal("Please hold.", play.Json!["playSources"]![0]!["text"]!["text"]!.GetValue<string>());
        var add = call.MidCall[1];
        Assert.EndsWith("/participants:add", add.Path, StringComparison.Ordinal);
        Assert.Equal("+441134960000", add.Json!["participantToAdd"]!["phoneNumber"]!["value"]!.GetValue<string>());
        Assert.Equal(AcsAppFactory.CallerId, add.Json["sourceCallerIdNumber"]!["value"]!.GetValue<string>());
        Assert.Equal(20, add.Json["invitationTimeoutInSeconds"]!.GetValue<int>());
        Assert.Equal("85", add.Json["customCallingContext"]!["sipHeaders"]!["X-MS-Custom-Smartnumbers-Risk"]!.GetValue<string>());
    }

    [Fact]
    public async Task Add_participant_failed_moves_to_the_next_step_and_duplicates_are_harmless()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, TwoSteps);
        await call.SendAsync("CallConnected", null);
        await call.SendAsync("PlayCompleted", "announce");

        var failedId = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, await call.SendAsync("AddParticipantFailed", "step:0:0", failedId));
        Assert.Equal(HttpStatusCode.OK, await call.SendAsync("AddParticipantFailed", "step:0:0", failedId));
        Assert.Equal(HttpStatusCode.OK, await call.SendAsync("AddParticipantFailed", "step:0:0"));
        Assert.Equal(HttpStatusCode.OK, await call.SendAsync("CallConnected", null));

        var adds = call.MidCall.Where(r => r.Path.EndsWith("/participants:add", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, adds.Count);
        Assert.Equal("+447700900555", adds[1].Json!["participantToAdd"]!["phoneNumber"]!["value"]!.GetValue<string>());
        Assert.Equal(180, adds[1].Json!["invitationTimeoutInSeconds"]!.GetValue<int>());
        Assert.Single(call.MidCall, r => r.Path.EndsWith(":play", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_the_last_step_fails_the_closing_announcement_plays_and_the_call_is_hung_up()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, TwoSteps);
        await call.SendAsync("CallConnected", null);
        await call.SendAsync("PlayCompleted", "announce");
        await call.SendAsync("AddParticipantFailed", "step:0:0");
        await call.SendAsync("AddParticipantFailed", "step:1:0");
        await call.SendAsync("PlayCompleted", "closing");

        var last = call.MidCall.TakeLast(2).ToList();
        Assert.Equal("Sorry, nobody is available.", last[0].Json!["playSources"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("DELETE", last[1].Method);
    }

    [Fact]
    public async Task Answered_leg_ends_the_route_and_later_failures_change_nothing()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, TwoSteps with { Announcement = null });
        await call.SendAsync("CallConnected", null);
        await call.SendAsync("AddParticipantSucceeded", "step:0:0");
        await call.SendAsync("AddParticipantFailed", "step:0:0");
        await call.SendAsync("CallDisconnected", null);

        Assert.Single(call.MidCall);
        var store = (AcsCallStore)factory.Services.GetService(typeof(AcsCallStore))!;
        var state = (await store.GetAsync(AcsTestClient.QueryValue(call.CallbackUri, "call"), CancellationToken.None))!.Value.State;
        Assert.Equal(AcsCallPhase.Ended, state.Phase);
        Assert.Equal("connected", state.Outcome);
        Assert.Equal("+441134960000", state.ConnectedTo);
    }

    private const string Caller = "4:+447700900123";
    private const string Agent = "4:+441134960000";
    private const string App = "8:acs:" + AcsAppFactory.ResourceId + "_00000029-app";

    private static bool IsTerminate(RecordedRequest r) => r.Method == "POST" && r.Path.EndsWith(":terminate", StringComparison.Ordinal);

    private async Task<AcsCallState> StateAsync(AcsCallScenario call)
    {
        var store = (AcsCallStore)factory.Services.GetService(typeof(AcsCallStore))!;
        return (await store.GetAsync(AcsTestClient.QueryValue(call.CallbackUri, "call"), CancellationToken.None))!.Value.State;
    }

    [Fact]
    public async Task When_the_answering_destination_hangs_up_the_call_is_ended_for_the_caller_too()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, TwoSteps with { Announcement = null });
        await call.SendAsync("CallConnected", null);
        await call.SendParticipantsAsync(1, Caller, App);
        await call.SendParticipantsAsync(2, Caller, App, Agent);
        await call.SendAsync("AddParticipantSucceeded", "step:0:0");
        Assert.DoesNotContain(call.MidCall, IsTerminate);

        await call.SendParticipantsAsync(3, Caller, App);

        var terminate = call.MidCall[^1];
        Assert.True(IsTerminate(terminate), $"expected :terminate, got {terminate.Method} {terminate.Path}");
        Assert.Contains(call.ConnectionId, terminate.Path, StringComparison.Ordinal);
        var state = await StateAsync(call);
        Assert.Equal(AcsCallPhase.Ended, state.Phase);
        Assert.Equal("connected", state.Outcome);

        await call.SendAsync("CallDisconnected", null);
        Assert.Single(call.MidCall, IsTerminate);
    }

    [Fact]
    public async Task When_the_caller_hangs_up_the_answering_destination_is_not_left_on_the_line()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, TwoSteps with { Announcement = null });
        await call.SendAsync("CallConnected", null);
        await call.SendAsync("AddParticipantSucceeded", "step:0:0");
        await call.SendParticipantsAsync(5, Caller, App, Agent);
        Assert.DoesNotContain(call.MidCall, IsTerminate);

        await call.SendParticipantsAsync(6, App, Agent);

        Assert.Single(call.MidCall, IsTerminate);
    }

    [Fact]
    public async Task Participant_lists_arriving_out_of_order_neither_end_a_live_call_nor_miss_its_end()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, TwoSteps with { Announcement = null });
        await call.SendAsync("CallConnected", null);
        await call.SendAsync("AddParticipantSucceeded", "step:0:0");
        await call.SendParticipantsAsync(2, Caller, App, Agent);
        await call.SendParticipantsAsync(1, Caller, App);
        Assert.DoesNotContain(call.MidCall, IsTerminate);
        Assert.Equal(AcsCallPhase.Connected, (await StateAsync(call)).Phase);

        await call.SendParticipantsAsync(4, Caller, App);
        await call.SendParticipantsAsync(3, Caller, App, Agent);

        Assert.Single(call.MidCall, IsTerminate);
        Assert.Equal(AcsCallPhase.Ended, (await StateAsync(call)).Phase);
    }

    [Fact]
    public async Task When_ACS_keeps_failing_the_answer_the_call_is_redirected_to_the_normal_route()
    {
        var client = new AcsTestClient(factory);
        var to = "+44800" + Random.Shared.Next(1000000, 9999999);
        factory.Router.ByCalledNumber[to] = new AcsCallInstruction.Answer(TwoSteps) { FallbackDestination = "+441134960099" };
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        factory.Acs.FailWhen = r => r.Path.EndsWith(":answer", StringComparison.Ordinal) && r.BodyText.Contains(context, StringComparison.Ordinal) ? 503 : null;
        try
        {
            var body = new System.Text.Json.Nodes.JsonArray(AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", AcsEvents.IncomingCallData(to, "+447700900123", context)));
            var response = await client.DeliverAsync(body);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var requests = client.RequestsFor(context);
            Assert.Equal(4, requests.Count(r => r.Path.EndsWith(":answer", StringComparison.Ordinal)));
            Assert.Single(requests.Where(r => r.Path.EndsWith(":answer", StringComparison.Ordinal)).Select(r => r.Header("repeatability-request-id")).Distinct());
            var redirect = requests[^1];
            Assert.EndsWith(":redirect", redirect.Path, StringComparison.Ordinal);
            Assert.Equal("+441134960099", redirect.Json!["target"]!["phoneNumber"]!["value"]!.GetValue<string>());
        }
        finally
        {
            factory.Acs.FailWhen = null;
        }
    }
}
