using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>POST …/calls/{callId}/label and POST …/model:refit: labels feed the counters and the model, the call path uses the refit.</summary>
[Collection(AppCollection.Name)]
public sealed class LabelAndRefitTests(SmartnumbersAppFactory factory)
{
    private static readonly Dictionary<string, string> FraudPattern = new() { ["FromCountry"] = "FR", ["CallerName"] = "Bank fraud team" };

    [Fact]
    public async Task A_fraud_label_is_stored_counted_audited_and_seen_by_the_callers_next_call()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var first = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        var operatorKey = await bed.Admin.KeyAsync("operator");

        using var labelled = await bed.LabelAsync(first.CallId, "fraud", operatorKey);
        using var again = await bed.LabelAsync(first.CallId, "fraud", operatorKey);

        Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        Assert.Null((await CallsTestBed.ReadAsync(labelled))["previous"]);
        Assert.Equal("fraud", (await CallsTestBed.ReadAsync(again))["previous"]!.GetValue<string>());
        Assert.Equal("fraud", (await bed.Store.GetAsync(bed.Account, first.CallId, CancellationToken.None))!.Label);
        var counters = factory.Services.GetRequiredService<ICallerHistory>();
        var history = await counters.GetAsync(bed.Account, TwilioCalls.GenuineCaller, bed.Number, TimeProvider.System.GetUtcNow());
        Assert.Equal((1, 0), (history.PriorFraudLabels, history.PriorGenuineLabels)); // The repeat label counted once.
        var audit = await bed.Admin.AuditAsync();
        Assert.Equal(2, audit.Count(a => a["resource"]!.GetValue<string>() == $"calls/{first.CallId}/label"));

        // The call path reads velocity figures within a few milliseconds and otherwise uses what it holds while the read
        // completes, so under load the label may reach the second call after this one rather than the very next.
        var next = await Poll.UntilAsync(() => bed.CallAndRecordAsync(TwilioCalls.GenuineCaller), r => r.Risk!.Attributes["priorFraudLabels"] > 0, TimeSpan.FromSeconds(20));
        Assert.True(next.Risk!.Attributes["priorFraudLabels"] > 0);
        Assert.Equal(1, next.Risk.Attributes["knownBadActor"]);
        Assert.Contains("bad-actor", next.Risk.Tags);
    }

    [Fact]
    public async Task Relabelling_genuine_counts_a_genuine_label()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var call = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);

        using var fraud = await bed.LabelAsync(call.CallId, "fraud");
        using var genuine = await bed.LabelAsync(call.CallId, "genuine");

        Assert.Equal("fraud", (await CallsTestBed.ReadAsync(genuine))["previous"]!.GetValue<string>());
        var counters = factory.Services.GetRequiredService<ICallerHistory>();
        var history = await counters.GetAsync(bed.Account, TwilioCalls.GenuineCaller, bed.Number, TimeProvider.System.GetUtcNow());
        Assert.Equal((1, 1), (history.PriorFraudLabels, history.PriorGenuineLabels));
        Assert.Equal("genuine", (await bed.Store.GetAsync(bed.Account, call.CallId, CancellationToken.None))!.Label);
    }

    [Fact]
    public async Task Labelling_an_unknown_call_is_404_and_a_bad_label_is_400()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var call = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);

        using var unknown = await bed.LabelAsync(TwilioWebhook.NewCallSid(), "fraud");
        using var bad = await bed.LabelAsync(call.CallId, "spam");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(bad))["errors"]!["label"]);
    }

    [Fact]
    public async Task Refit_learns_from_labelled_calls_stores_the_model_and_the_call_path_uses_it()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        for (var i = 0; i < 4; i++)
        {
            var fraud = await bed.CallAndRecordAsync(Caller(10 + i), FraudPattern);
            var genuine = await bed.CallAndRecordAsync(Caller(20 + i), new() { ["FromCountry"] = "GB" });
            using var f = await bed.LabelAsync(fraud.CallId, "fraud");
            using var g = await bed.LabelAsync(genuine.CallId, "genuine");
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (f.StatusCode, g.StatusCode));
        }

        var probe = CallsTestBed.SimulateBody(bed.Number, Caller(99), new Dictionary<string, string>(FraudPattern));
        var before = await bed.SimulateAsync(probe);
        using var byOperator = await bed.Admin.PostAsync("/model:refit", null, await bed.Admin.KeyAsync("operator"));
        using var refit = await bed.Admin.PostAsync("/model:refit");
        var fitted = await CallsTestBed.ReadAsync(refit);
        var after = await bed.SimulateAsync(probe);

        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refit.StatusCode);
        Assert.Equal((8, 4, 4), (fitted["trainedExamples"]!.GetValue<int>(), fitted["fraudExamples"]!.GetValue<int>(), fitted["genuineExamples"]!.GetValue<int>()));
        Assert.Equal(1.0, fitted["trainingAuc"]!.GetValue<double>(), 6);
        var weights = fitted["weights"]!.AsObject();
        Assert.Equal(CallDnaCatalogue.Count, weights.Count);
        Assert.Contains(CallDnaCatalogue.All, a => Math.Abs(weights[a.Name]!.GetValue<double>() - a.DefaultWeight) > 1e-3);
        Assert.False(before["fittedModel"]!.GetValue<bool>());
        Assert.True(after["fittedModel"]!.GetValue<bool>());
        Assert.NotEqual(before["risk"]!["score"]!.GetValue<int>(), after["risk"]!["score"]!.GetValue<int>());
        Assert.Contains(await bed.Admin.AuditAsync(), a => a["resource"]!.GetValue<string>() == "model:refit");

        var real = await bed.CallAndRecordAsync(Caller(99), FraudPattern);
        Assert.Equal(after["risk"]!["score"]!.GetValue<int>(), real.Risk!.Score);
    }

    [Fact]
    public async Task A_stored_model_is_loaded_from_storage_by_a_fresh_lookup()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var fraud = await bed.CallAndRecordAsync(Caller(30), FraudPattern);
        var genuine = await bed.CallAndRecordAsync(Caller(31));
        using var f = await bed.LabelAsync(fraud.CallId, "fraud");
        using var g = await bed.LabelAsync(genuine.CallId, "genuine");
        using var refit = await bed.Admin.PostAsync("/model:refit");
        Assert.Equal(HttpStatusCode.OK, refit.StatusCode);
        var fittedBias = (await CallsTestBed.ReadAsync(refit))["bias"]!.GetValue<double>();

        var fresh = ActivatorUtilities.CreateInstance<Functions.Calls.AccountRiskModels>(factory.Services);
        var decider = await Poll.UntilAsync(async () => await fresh.GetAsync(bed.Account, CancellationToken.None), d => d.Model != RiskModel.Default);

        Assert.Equal(fittedBias, decider.Model.Bias, 9);
    }

    [Fact]
    public async Task A_call_rejected_before_scoring_is_not_a_training_example()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        using var block = await bed.Admin.PutAsync("/lists/block/" + Caller(40), "{}");
        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        var rejected = await bed.CallAndRecordAsync(Caller(40), FraudPattern);
        Assert.Equal("reject", rejected.Decision!.Action);
        Assert.Empty(rejected.Risk!.Attributes); // Nothing to learn from: an all-zero vector would teach "clean calls are fraud".
        using var r = await bed.LabelAsync(rejected.CallId, "fraud");
        for (var i = 0; i < 2; i++)
        {
            using var f = await bed.LabelAsync((await bed.CallAndRecordAsync(Caller(41 + i), FraudPattern)).CallId, "fraud");
            using var g = await bed.LabelAsync((await bed.CallAndRecordAsync(Caller(43 + i))).CallId, "genuine");
        }

        using var refit = await bed.Admin.PostAsync("/model:refit");
        var fitted = await CallsTestBed.ReadAsync(refit);

        Assert.Equal(HttpStatusCode.OK, refit.StatusCode);
        Assert.Equal((2, 2), (fitted["fraudExamples"]!.GetValue<int>(), fitted["genuineExamples"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Refit_needs_both_fraud_and_genuine_labels()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var call = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        using var label = await bed.LabelAsync(call.CallId, "fraud");

        using var refit = await bed.Admin.PostAsync("/model:refit");

        Assert.Equal(HttpStatusCode.BadRequest, refit.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(refit))["errors"]!["labels"]);
    }

    private static string Caller(int n) => "+4479111234" + n.ToString("D2", CultureInfo.InvariantCulture);
}
