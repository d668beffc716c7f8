using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>
/// POST …/calls:simulate decides exactly as a real call through /api/twilio/voice does (each case simulates first, then
/// places the real call with the same input and compares its stored record), and writes nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SimulateTests(SmartnumbersAppFactory factory)
{
    private static readonly Route Normal = TwilioCalls.Route((["+441134960000"], 20));

    [Fact]
    public async Task Simulated_withheld_call_is_rejected_busy_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Acr = ScreeningResponse.Busy } });

        var (simulated, _) = await SimulateThenCallAsync(bed, "Anonymous", "anonymous");

        Assert.Equal(("reject", "busy"), (Text(simulated, "decision", "action"), Text(simulated, "decision", "rejectMode")));
    }

    [Fact]
    public async Task Simulated_invalid_caller_id_is_rejected_unallocated_by_icr_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Icr = ScreeningResponse.Unallocated } });

        var (simulated, _) = await SimulateThenCallAsync(bed, "+447700900123", "+447700900123");

        Assert.Equal(("reject", "unallocated"), (Text(simulated, "decision", "action"), Text(simulated, "decision", "rejectMode")));
    }

    [Theory]
    [InlineData("+4412")]
    [InlineData("12345")]
    [InlineData("+15551234567")]
    [InlineData("")]
    [InlineData("sip:alice@pbx.example.com")]
    public async Task Any_caller_id_a_carrier_can_deliver_is_simulated_like_the_real_call(string presentation)
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Icr = ScreeningResponse.Unallocated } });

        var (simulated, record) = await SimulateThenCallAsync(bed, presentation, presentation);

        Assert.Equal("reject", Text(simulated, "decision", "action"));
        Assert.StartsWith("icr-", record.Decision!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulated_blocklisted_caller_is_rejected_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal });
        await bed.Calls.BlockAsync(TwilioCalls.GenuineCaller);

        var (simulated, _) = await SimulateThenCallAsync(bed, TwilioCalls.GenuineCaller, TwilioCalls.GenuineCaller);

        Assert.Equal("reject", Text(simulated, "decision", "action"));
    }

    [Fact]
    public async Task Simulated_high_risk_call_is_diverted_to_the_fraud_route_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig
        {
            Route = Normal,
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 1, HighRiskRoute = TwilioCalls.Route((["+441134960099"], 30)) },
        });

        var (simulated, _) = await SimulateThenCallAsync(bed, TwilioCalls.GenuineCaller, TwilioCalls.GenuineCaller);

        Assert.Equal(("connect", "fraud"), (Text(simulated, "decision", "action"), Text(simulated, "decision", "source")));
        Assert.False(simulated["divertCapAssumedAvailable"]!.GetValue<bool>());
        Assert.Equal(0, simulated["divertsThisHour"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_simulated_high_risk_call_when_the_hour_cap_is_used_up_routes_normally_and_flagged_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig
        {
            Route = Normal,
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 1, HighRiskRoute = TwilioCalls.Route((["+441134960099"], 30)) },
        });
        await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller); // Takes the hour's only divert.

        var (simulated, real) = await SimulateThenCallAsync(bed, TwilioCalls.GenuineCaller, TwilioCalls.GenuineCaller);

        Assert.Equal("normal", Text(simulated, "decision", "source"));
        Assert.True(simulated["flagged"]!.GetValue<bool>());
        Assert.Equal(1, simulated["divertsThisHour"]!.GetValue<int>());
        Assert.Equal(real.Decision!.Source, Text(simulated, "decision", "source"));
    }

    [Fact]
    public async Task Simulated_call_follows_a_personal_override_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal });
        using var set = await bed.Admin.PutAsync("/overrides/" + bed.Number, """{"destinations":["+441134960777"],"ringSeconds":25}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var (simulated, _) = await SimulateThenCallAsync(bed, TwilioCalls.GenuineCaller, TwilioCalls.GenuineCaller);

        Assert.Equal("override", Text(simulated, "decision", "source"));
        Assert.Equal("+441134960777", simulated["decision"]!["steps"]![0]!["destinations"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Simulated_call_follows_the_active_plan_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal });
        using var plan = await bed.Admin.PutAsync("/plans/closed", AdminTestClient.PlanDoc(bed.Number, "+442079460000"));
        using var load = await bed.Admin.PostAsync("/plans/closed:load");
        using var activate = await bed.Admin.PostAsync("/plans/closed:activate");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (plan.StatusCode, load.StatusCode, activate.StatusCode));

        var (simulated, _) = await SimulateThenCallAsync(bed, TwilioCalls.GenuineCaller, TwilioCalls.GenuineCaller);

        Assert.Equal("plan", Text(simulated, "decision", "source"));
    }

    [Fact]
    public async Task Simulated_genuine_call_scores_every_attribute_like_the_real_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal });

        var (simulated, record) = await SimulateThenCallAsync(bed, TwilioCalls.GenuineCaller, TwilioCalls.GenuineCaller, new() { ["FromCountry"] = "FR", ["CallerName"] = "HMRC Fraud Team" });

        Assert.Equal("normal", Text(simulated, "decision", "source"));
        Assert.Contains("spoofed", record.Risk!.Tags);
        Assert.NotEmpty(simulated["explanation"]!.AsArray());
        Assert.InRange(simulated["risk"]!["top"]!.AsArray().Count, 1, 5);
    }

    [Fact]
    public async Task Simulating_writes_no_record_counts_nothing_and_takes_no_divert_slot()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig
        {
            Route = Normal,
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 1, HighRiskRoute = TwilioCalls.Route((["+441134960099"], 30)) },
        });
        var body = CallsTestBed.SimulateBody(bed.Number, TwilioCalls.GenuineCaller);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("fraud", Text(await bed.SimulateAsync(body), "decision", "source"));
        }

        var counters = factory.Services.GetRequiredService<ICallerHistory>();
        var history = await counters.GetAsync(bed.Account, TwilioCalls.GenuineCaller, bed.Number, TimeProvider.System.GetUtcNow());
        Assert.Equal(CallerHistory.None, history);
        Assert.Empty((await bed.CallsJsonAsync(""))["calls"]!.AsArray());
        var real = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        Assert.Equal("fraud", real.Decision!.Source); // The one slot of the hour was still free.
    }

    [Fact]
    public async Task Simulation_reads_the_callers_current_counters()
    {
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = Normal });
        await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        var counters = factory.Services.GetRequiredService<ICallerHistory>();
        await CallRecords.Poll.UntilAsync(() => counters.GetAsync(bed.Account, TwilioCalls.GenuineCaller, bed.Number, TimeProvider.System.GetUtcNow()), h => h.CallsFromCallerToday == 1);

        var simulated = await bed.SimulateAsync(CallsTestBed.SimulateBody(bed.Number, TwilioCalls.GenuineCaller));

        Assert.Equal(1, simulated["history"]!["callsFromCallerLastDay"]!.GetValue<int>());
        Assert.True(simulated["risk"]!["attributes"]!["callsLastDay"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task A_viewer_may_simulate()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var viewer = await bed.Admin.KeyAsync("viewer");

        var simulated = await bed.SimulateAsync(CallsTestBed.SimulateBody(bed.Number, TwilioCalls.GenuineCaller), viewer);

        Assert.Equal("connect", Text(simulated, "decision", "action"));
    }

    [Fact]
    public async Task Another_accounts_key_gets_404_for_simulate()
    {
        var a = await CallsTestBed.CreateAsync(factory);
        var b = await CallsTestBed.CreateAsync(factory);
        var keyOfA = await a.Admin.KeyAsync("admin");

        using var response = await b.Admin.PostAsync("/calls:simulate", CallsTestBed.SimulateBody(b.Number, TwilioCalls.GenuineCaller), keyOfA);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"calledNumber":"+441134960002","presentationNumber":"+447911123456"}""", "calledNumber")]
    [InlineData("""{"calledNumber":"0113 496 0001"}""", "calledNumber")]
    [InlineData("""{"calledNumber":"{number}","presentationNumber":"{long}"}""", "presentationNumber")]
    [InlineData("""{"calledNumber":"{number}","networkNumber":"{long}"}""", "networkNumber")]
    [InlineData("""{"calledNumber":"{number}","carrier":"vonage"}""", "carrier")]
    [InlineData("""{"calledNumber":"{number}","at":"yesterday"}""", "at")]
    [InlineData("""{"calledNumber":"{number}","callerName":"x"}""", "callerName")]
    public async Task An_invalid_simulation_is_a_400_naming_the_field(string body, string field)
    {
        var bed = await CallsTestBed.CreateAsync(factory);

        var json = body.Replace("{number}", bed.Number, StringComparison.Ordinal).Replace("{long}", new string('4', Smartnumbers.Functions.Calls.CallSimulator.MaxCallerText + 1), StringComparison.Ordinal);
        using var response = await bed.Admin.PostAsync("/calls:simulate", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AdminTestClient.ProblemAsync(response);
        Assert.NotNull(problem["errors"]![field]);
    }

    /// <summary>Simulates the call, then places it for real through the Twilio webhook, and checks both decided alike.</summary>
    private static async Task<(JsonNode Simulated, CallRecord Record)> SimulateThenCallAsync(CallsTestBed bed, string from, string? presentation, Dictionary<string, string>? extra = null)
    {
        var sid = TwilioWebhook.NewCallSid();
        var form = TwilioWebhook.CallForm(sid, from, bed.Number);
        foreach (var (k, v) in extra ?? [])
        {
            form[k] = v;
        }

        var simulated = await bed.SimulateAsync(CallsTestBed.SimulateBody(bed.Number, presentation, form));
        var record = await bed.CallAndRecordAsync(from, extra, sid);

        var d = simulated["decision"]!;
        Assert.Equal(
            (record.Decision!.Action, record.Decision.RejectMode, record.Decision.Reason, record.Decision.Source, record.Decision.Announcement),
            (Text(simulated, "decision", "action"), Text(simulated, "decision", "rejectMode"), Text(simulated, "decision", "reason"),
                Text(simulated, "decision", "source"), Text(simulated, "decision", "announcement")));
        Assert.Equal(
            record.Decision.Steps.Select(s => string.Join(",", s.Destinations) + "/" + s.RingSeconds),
            d["steps"]!.AsArray().Select(s => string.Join(",", s!["destinations"]!.AsArray().Select(x => x!.GetValue<string>())) + "/" + s["ringSeconds"]!.GetValue<int>()));
        var risk = simulated["risk"]!;
        Assert.Equal(record.Risk!.Score, risk["score"]!.GetValue<int>());
        Assert.Equal(record.Risk.Tags, risk["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var attributes = risk["attributes"]!.AsObject();
        Assert.Equal(record.Risk.Attributes.Count, attributes.Count);
        foreach (var (name, value) in record.Risk.Attributes)
        {
            Assert.Equal(value, attributes[name]!.GetValue<double>(), 9);
        }

        return (simulated, record);
    }

    private static string? Text(JsonNode node, string section, string name) => node[section]?[name]?.GetValue<string>();
}
