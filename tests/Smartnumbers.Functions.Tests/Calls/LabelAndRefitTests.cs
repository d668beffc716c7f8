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
    public async Task Refit_makes_a_candidate_scored_in_shadow_and_the_call_path_uses_it_only_once_promoted()
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
        // Every instance picks the candidate up with its next snapshot check; this one at once, or within a call or two.
        var shadowed = await Poll.UntilAsync(() => bed.SimulateAsync(probe), r => r["risk"]!["shadowScore"] is not null, TimeSpan.FromSeconds(10));
        var shadowedCall = await Poll.UntilAsync(() => bed.CallAndRecordAsync(Caller(98), FraudPattern), r => r.Risk!.ShadowScore is not null, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refit.StatusCode);
        Assert.Equal((8, 4, 4), (fitted["labelledExamples"]!.GetValue<int>(), fitted["fraudExamples"]!.GetValue<int>(), fitted["genuineExamples"]!.GetValue<int>()));
        Assert.Equal((6, 2), (fitted["trainedExamples"]!.GetValue<int>(), fitted["heldOutExamples"]!.GetValue<int>())); // The newest of each class held out.
        Assert.Equal((1, 0), (fitted["version"]!.GetValue<int>(), fitted["liveVersion"]!.GetValue<int>()));
        Assert.NotNull(fitted["evaluation"]!["candidate"]!["auc"]);
        Assert.NotNull(fitted["evaluation"]!["live"]!["brierScore"]);
        var weights = fitted["weights"]!.AsObject();
        Assert.Equal(CallDnaCatalogue.Count, weights.Count);
        Assert.Contains(CallDnaCatalogue.All, a => Math.Abs(weights[a.Name]!.GetValue<double>() - a.DefaultWeight) > 1e-3);
        Assert.Contains(await bed.Admin.AuditAsync(), a => a["resource"]!.GetValue<string>() == "model:refit");

        // A refit alone changes no decision: the live score is as before, the candidate's sits beside it.
        Assert.False(shadowed["fittedModel"]!.GetValue<bool>());
        Assert.Equal(before["risk"]!["score"]!.GetValue<int>(), shadowed["risk"]!["score"]!.GetValue<int>());
        Assert.Null(before["risk"]!["shadowScore"]);
        var shadowScore = shadowed["risk"]!["shadowScore"]!.GetValue<int>();
        Assert.NotEqual(shadowed["risk"]!["score"]!.GetValue<int>(), shadowScore);
        Assert.NotNull(shadowedCall.Risk!.ShadowScore);
        var details = await bed.Admin.JsonAsync($"/calls/{shadowedCall.CallId}");
        Assert.Equal(shadowedCall.Risk.ShadowScore, details["risk"]!["shadowScore"]!.GetValue<int>());

        using var read = await bed.Admin.GetAsync("/model");
        using var promote = await bed.Admin.PostAsync("/model:promote", null, ifMatch: read.Headers.ETag!.ToString());
        var after = await Poll.UntilAsync(() => bed.SimulateAsync(probe), r => r["fittedModel"]!.GetValue<bool>(), TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.True(after["fittedModel"]!.GetValue<bool>());
        Assert.Equal(shadowScore, after["risk"]!["score"]!.GetValue<int>());
        Assert.Null(after["risk"]!["shadowScore"]); // The candidate went live: nothing left in shadow.
        var real = await bed.CallAndRecordAsync(Caller(99), FraudPattern);
        Assert.Equal(after["risk"]!["score"]!.GetValue<int>(), real.Risk!.Score);
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
    public async Task Refit_is_refused_below_the_minimum_labels_per_class_saying_how_many_more_are_needed()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var call = await bed.CallAndRecordAsync(Caller(50));
        using var label = await bed.LabelAsync(call.CallId, "fraud");

        using var refit = await bed.Admin.PostAsync("/model:refit");

        Assert.Equal(HttpStatusCode.BadRequest, refit.StatusCode);
        var message = (await AdminTestClient.ProblemAsync(refit))["errors"]!["labels"]![0]!.GetValue<string>();
        Assert.Contains("has 1 fraud and 0 genuine: label 1 more fraud and 2 more genuine", message, StringComparison.Ordinal);
    }

    private static string Caller(int n) => "+4479111234" + n.ToString("D2", CultureInfo.InvariantCulture);
}
