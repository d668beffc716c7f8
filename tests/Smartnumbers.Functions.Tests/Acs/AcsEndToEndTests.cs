using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Acs.Routing;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Accounts;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>
/// ACS calls end to end: IncomingCall over HTTP → decision core on a real account in Azurite → Call Automation
/// requests recorded by the stand-in ACS → callbacks → the next requests and the call record.
/// </summary>
[Collection(AcsDecisionCollection.Name)]
public sealed class AcsEndToEndTests(AcsDecisionAppFactory factory)
{
    private const string Agent = "+441134960000";
    private const string Backup = "+447700900555";
    private readonly AcsTestClient _client = new(factory);

    private async Task<(string Account, string Number)> NumberAsync(NumberConfig config)
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var (account, number) = await TestAccounts.CreateAsync(documents);
        var put = await documents.PutNumberAsync(account, number, config, null, TestAccounts.Actor, default);
        Assert.Equal(Smartnumbers.Functions.Accounts.WriteOutcome.Done, put.Outcome);
        await factory.Services.GetRequiredService<Smartnumbers.Functions.Accounts.ISnapshotProvider>().RefreshAsync(account);
        return (account, number);
    }

    private static string? Target(RecordedRequest r, string member) => r.Json![member]?["phoneNumber"]?["value"]?.GetValue<string>();

    [Fact]
    public async Task Withheld_caller_is_rejected_busy_when_acr_is_busy()
    {
        var (_, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent), Screening = new ScreeningOptions { Acr = ScreeningResponse.Busy } });

        var (response, context) = await _client.IncomingCallAsync(number, from: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reject = Assert.Single(_client.RequestsFor(context));
        Assert.Equal("/calling/callConnections:reject", reject.Path);
        Assert.Equal("busy", reject.Json!["callRejectReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_caller_id_is_rejected_unallocated_when_icr_is_unallocated()
    {
        var (_, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent), Screening = new ScreeningOptions { Icr = ScreeningResponse.Unallocated } });

        var (response, context) = await _client.IncomingCallAsync(number, from: "+4400");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reject = Assert.Single(_client.RequestsFor(context));
        Assert.Equal("none", reject.Json!["callRejectReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withheld_caller_hears_the_announcement_when_acr_is_announcement()
    {
        var (_, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent), Screening = new ScreeningOptions { Acr = ScreeningResponse.Announcement } });

        var (response, context) = await _client.IncomingCallAsync(number, from: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/calling/callConnections:answer", Assert.Single(_client.RequestsFor(context)).Path);
    }

    [Fact]
    public async Task Normal_call_with_one_destination_is_redirected_and_recorded()
    {
        var (account, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent) });

        var (response, context) = await _client.IncomingCallAsync(number, from: "+447700900123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redirect = Assert.Single(_client.RequestsFor(context));
        Assert.Equal("/calling/callConnections:redirect", redirect.Path);
        Assert.Equal(Agent, Target(redirect, "target"));
        var record = await RecordAsync(account, r => r.CalledNumber == number);
        Assert.Equal("acs", record.Carrier);
        Assert.Equal("connect", record.Decision!.Action);
        Assert.Equal("normal", record.Decision.Source);
    }

    [Fact]
    public async Task High_risk_call_is_answered_and_offered_to_the_high_risk_route_with_the_risk_headers()
    {
        var (_, number) = await NumberAsync(new NumberConfig
        {
            Route = TestAccounts.RouteTo(Agent),
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 5, HighRiskRoute = TestAccounts.RouteTo(Backup), NotifyAgent = true },
        });

        var call = await AcsCallScenario.AnswerAsync(factory, number, from: "+447700900123");
        await call.SendAsync("CallConnected", null);

        var add = Assert.Single(call.MidCall);
        Assert.EndsWith("/participants:add", add.Path, StringComparison.Ordinal);
        Assert.Equal(Backup, Target(add, "participantToAdd"));
        Assert.Equal(AcsAppFactory.CallerId, add.Json!["sourceCallerIdNumber"]!["value"]!.GetValue<string>());
        var headers = add.Json["customCallingContext"]!["sipHeaders"]!.AsObject();
        Assert.True(int.TryParse(headers[AcsRiskHeaders.Risk]!.GetValue<string>(), out var score) && score is >= 0 and <= 100);
        Assert.Equal("true", headers[AcsRiskHeaders.Flagged]!.GetValue<string>());
        Assert.InRange(headers.Count, 1, 5);
    }

    [Fact]
    public async Task Failover_moves_to_the_next_step_when_add_participant_fails_and_records_the_step()
    {
        var route = new Route
        {
            Steps = [new RouteStep { Destinations = [Agent], RingSeconds = 15 }, new RouteStep { Destinations = [Backup], RingSeconds = 25 }],
        };
        var (account, number) = await NumberAsync(new NumberConfig { Route = route });

        var call = await AcsCallScenario.AnswerAsync(factory, number, from: "+447700900123");
        await call.SendAsync("CallConnected", null);
        Assert.Equal(HttpStatusCode.OK, await call.SendAsync("AddParticipantFailed", "step:0:0", code: 408));
        await call.SendAsync("AddParticipantSucceeded", "step:1:0");

        var adds = call.MidCall.Where(r => r.Path.EndsWith("/participants:add", StringComparison.Ordinal)).ToList();
        Assert.Equal([Agent, Backup], adds.Select(a => Target(a, "participantToAdd")));
        Assert.Equal([15, 25], adds.Select(a => a.Json!["invitationTimeoutInSeconds"]!.GetValue<int>()));
        var record = await RecordAsync(account, r => r.CalledNumber == number && r.Steps.Count == 2);
        Assert.Equal(["no-answer", "answered"], record.Steps.Select(s => s.Status));
    }

    [Fact]
    public async Task When_acs_keeps_failing_the_call_is_redirected_to_the_numbers_normal_route()
    {
        var route = new Route { Steps = [new RouteStep { Destinations = [Agent], RingSeconds = 15 }, new RouteStep { Destinations = [Backup], RingSeconds = 25 }] };
        var (_, number) = await NumberAsync(new NumberConfig { Route = route });
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        factory.Acs.FailWhen = r => r.Path.EndsWith(":answer", StringComparison.Ordinal) && r.BodyText.Contains(context, StringComparison.Ordinal) ? 500 : null;
        try
        {
            var (response, _) = await _client.IncomingCallAsync(number, from: "+447700900123", context);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var requests = _client.RequestsFor(context);
            Assert.Equal(4, requests.Count(r => r.Path.EndsWith(":answer", StringComparison.Ordinal)));
            var redirect = requests[^1];
            Assert.Equal("/calling/callConnections:redirect", redirect.Path);
            Assert.Equal(Agent, Target(redirect, "target"));
        }
        finally
        {
            factory.Acs.FailWhen = null;
        }
    }

    [Fact]
    public async Task A_call_to_a_number_no_account_has_is_left_alone_for_whoever_owns_it()
    {
        var (response, context) = await _client.IncomingCallAsync(TestAccounts.NewNumber(), from: "+447700900123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_client.RequestsFor(context));
    }

    [Theory]
    [InlineData("8:acs:6d4e5f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f_00000021-aaaa-bbbb-cccc-0123456789ab", "communicationUser")]
    [InlineData("28:orgid:2b1d6f0e-1c5a-4f8e-9a51-0c6d3b9a8e77", "unknown")]
    public async Task A_call_to_an_identity_that_is_not_a_phone_number_is_left_alone(string rawId, string kind)
    {
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        var data = AcsEvents.IncomingCallData("+447700900001", "+447700900123", context);
        data["to"] = new System.Text.Json.Nodes.JsonObject { ["kind"] = kind, ["rawId"] = rawId };

        using var response = await _client.DeliverAsync(new System.Text.Json.Nodes.JsonArray(AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", data)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_client.RequestsFor(context));
    }

    [Fact]
    public async Task A_withheld_caller_to_the_dial_in_line_is_rejected_by_its_screening_before_any_pin_prompt()
    {
        var (_, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent), ControlLine = true, Screening = new ScreeningOptions { Acr = ScreeningResponse.Busy } });

        var (_, context) = await _client.IncomingCallAsync(number, from: null);

        var reject = Assert.Single(_client.RequestsFor(context));
        Assert.Equal("/calling/callConnections:reject", reject.Path);
    }

    [Fact]
    public async Task A_caller_with_no_identity_at_all_is_icr_missing_not_a_withheld_caller()
    {
        var (account, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent), Screening = new ScreeningOptions { Acr = ScreeningResponse.Off, Icr = ScreeningResponse.Unallocated } });
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        var data = AcsEvents.IncomingCallData(number, "+447700900123", context);
        data["from"] = new System.Text.Json.Nodes.JsonObject { ["kind"] = "phoneNumber", ["rawId"] = "4:", ["phoneNumber"] = new System.Text.Json.Nodes.JsonObject { ["value"] = "" } };

        using var response = await _client.DeliverAsync(new System.Text.Json.Nodes.JsonArray(AcsEvents.EventGrid(Guid.NewGuid().ToString(), "Microsoft.Communication.IncomingCall", data)));

        Assert.Equal("none", Assert.Single(_client.RequestsFor(context)).Json!["callRejectReason"]!.GetValue<string>());
        var record = await RecordAsync(account, r => r.CalledNumber == number);
        Assert.Equal("icr-missing", record.Decision!.Reason);
    }

    [Theory]
    [InlineData("+4412")]
    [InlineData("12345")]
    [InlineData("+15551234567")]
    public async Task Any_caller_id_is_simulated_for_acs_like_the_real_acs_call(string from)
    {
        var (account, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent), Screening = new ScreeningOptions { Icr = ScreeningResponse.Unallocated } });
        var admin = new Admin.AdminTestClient(factory.CreateClient(), account);
        using var simulation = await admin.PostAsync("/calls:simulate", Calls.CallsTestBed.SimulateBody(number, from, carrier: "acs"));
        Assert.Equal(HttpStatusCode.OK, simulation.StatusCode);
        var simulated = System.Text.Json.Nodes.JsonNode.Parse(await simulation.Content.ReadAsStringAsync())!["decision"]!;

        await _client.IncomingCallAsync(number, from);

        var record = await RecordAsync(account, r => r.CalledNumber == number);
        Assert.Equal((record.Decision!.Action, record.Decision.Reason), (simulated["action"]!.GetValue<string>(), simulated["reason"]!.GetValue<string>()));
        Assert.StartsWith("icr-", record.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_acs_keeps_failing_during_a_disaster_the_call_is_redirected_by_the_active_dial_plan()
    {
        var (account, number) = await NumberAsync(new NumberConfig { Route = TestAccounts.RouteTo(Agent) });
        var admin = new Admin.AdminTestClient(factory.CreateClient(), account);
        using var plan = await admin.PutAsync("/plans/dr", Admin.AdminTestClient.PlanDoc(number, Backup));
        using var load = await admin.PostAsync("/plans/dr:load");
        using var activate = await admin.PostAsync("/plans/dr:activate");
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        factory.Acs.FailWhen = r => r.BodyText.Contains(context, StringComparison.Ordinal) && !r.Path.EndsWith(":redirect", StringComparison.Ordinal) ? 500 : null;
        try
        {
            var first = await _client.IncomingCallAsync(number, from: "+447700900123", context);
            Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);

            var redirects = _client.RequestsFor(context).Where(r => r.Path.EndsWith(":redirect", StringComparison.Ordinal)).ToList();
            Assert.Equal(Backup, Target(Assert.Single(redirects), "target"));
        }
        finally
        {
            factory.Acs.FailWhen = null;
        }
    }

    private async Task<CallRecord> RecordAsync(string account, Func<CallRecord, bool> match)
    {
        var store = factory.Services.GetRequiredService<CallRecordStore>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await foreach (var record in store.ListAsync(account, null, null, default))
            {
                if (match(record))
                {
                    return record;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no matching call record within 20 s");
    }
}
