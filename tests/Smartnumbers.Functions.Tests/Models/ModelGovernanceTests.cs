using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Models;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Calls;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Models;

/// <summary>Candidate, promote, roll back: a refit never goes live by itself; promotions are judged, guarded, audited and published.</summary>
[Collection(AppCollection.Name)]
public sealed class ModelGovernanceTests(SmartnumbersAppFactory factory)
{
    private static readonly Dictionary<string, string> FraudPattern = new() { ["FromCountry"] = "FR", ["CallerName"] = "Bank fraud team" };
    private static readonly Dictionary<string, string> Domestic = new() { ["FromCountry"] = "GB" };

    private static string Caller(int n) => "+4479111235" + n.ToString("D2", CultureInfo.InvariantCulture);

    private static async Task LabelAsync(CallsTestBed bed, int caller, Dictionary<string, string> hints, string label)
    {
        var call = await bed.CallAndRecordAsync(Caller(caller), hints);
        using var response = await bed.LabelAsync(call.CallId, label);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Labels that agree with the default weights: the fraud pattern is fraud, domestic calls are genuine.</summary>
    private static async Task LabelSensiblyAsync(CallsTestBed bed, int first)
    {
        for (var i = 0; i < 3; i++)
        {
            await LabelAsync(bed, first + (2 * i), FraudPattern, "fraud");
            await LabelAsync(bed, first + (2 * i) + 1, Domestic, "genuine");
        }
    }

    private static async Task<(JsonNode Body, string ETag)> ModelAsync(CallsTestBed bed)
    {
        using var response = await bed.Admin.GetAsync("/model");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await CallsTestBed.ReadAsync(response), response.Headers.ETag?.ToString() ?? ""); // No ETag before the first refit.
    }

    [Fact]
    public async Task A_candidate_worse_than_the_live_model_on_newer_calls_is_promoted_only_with_force()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        // Older labels say the opposite of the newer ones: the candidate learns them, the newer (held-out) calls disagree.
        await LabelAsync(bed, 60, FraudPattern, "genuine");
        await LabelAsync(bed, 61, FraudPattern, "genuine");
        await LabelAsync(bed, 62, Domestic, "fraud");
        await LabelAsync(bed, 63, Domestic, "fraud");
        await LabelAsync(bed, 64, Domestic, "genuine");
        await LabelAsync(bed, 65, FraudPattern, "fraud");
        using var refit = await bed.Admin.PostAsync("/model:refit");
        var fitted = await CallsTestBed.ReadAsync(refit);
        Assert.Equal(HttpStatusCode.OK, refit.StatusCode);
        Assert.True(fitted["evaluation"]!["candidate"]!["auc"]!.GetValue<double>() < fitted["evaluation"]!["live"]!["auc"]!.GetValue<double>());
        var (status, etag) = await ModelAsync(bed);
        Assert.Equal(1, status["candidate"]!["version"]!.GetValue<int>());

        using var noIfMatch = await bed.Admin.PostAsync("/model:promote");
        using var stale = await bed.Admin.PostAsync("/model:promote", null, ifMatch: "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"");
        using var refused = await bed.Admin.PostAsync("/model:promote", null, ifMatch: etag);
        using var byOperator = await bed.Admin.PostAsync("/model:promote", """{"force":true}""", await bed.Admin.KeyAsync("operator"), etag);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("force", (await AdminTestClient.ProblemAsync(refused))["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(0, (await ModelAsync(bed)).Body["liveVersion"]!.GetValue<int>());

        using var forced = await bed.Admin.PostAsync("/model:promote", """{"force":true}""", ifMatch: etag);
        var promoted = await CallsTestBed.ReadAsync(forced);

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(1, promoted["liveVersion"]!.GetValue<int>());
        var entry = promoted["history"]!.AsArray().Single()!;
        Assert.Equal(("promoted", true, 0), (entry["action"]!.GetValue<string>(), entry["forced"]!.GetValue<bool>(), entry["previousVersion"]!.GetValue<int>()));
        Assert.Contains(await bed.Admin.AuditAsync(), a => a["resource"]!.GetValue<string>() == "model:promote");
        var events = await HealthTestData.RoutingOutboxAsync(factory, bed.Account);
        var published = Assert.Single(events, e => e.Type == SmartnumbersEventTypes.ModelPromoted);
        var data = JsonNode.Parse(published.Data)!;
        Assert.Equal((1, 0, true), (data["version"]!.GetValue<int>(), data["previousVersion"]!.GetValue<int>(), data["forced"]!.GetValue<bool>()));
        Assert.NotNull(data["evaluation"]!["candidate"]!["auc"]);
    }

    [Fact]
    public async Task Roll_back_returns_an_earlier_model_to_the_call_path_audited_and_published()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        await LabelSensiblyAsync(bed, 70);
        using var first = await bed.Admin.PostAsync("/model:refit");
        using var promoteFirst = await bed.Admin.PostAsync("/model:promote", null, ifMatch: (await ModelAsync(bed)).ETag);
        Assert.Equal(HttpStatusCode.OK, promoteFirst.StatusCode);
        using var second = await bed.Admin.PostAsync("/model:refit");
        Assert.Equal(1, (await CallsTestBed.ReadAsync(second))["liveVersion"]!.GetValue<int>());
        using var promoteSecond = await bed.Admin.PostAsync("/model:promote", null, ifMatch: (await ModelAsync(bed)).ETag);
        Assert.Equal(HttpStatusCode.OK, promoteSecond.StatusCode); // Same labels, same model: not worse.

        var etag = (await ModelAsync(bed)).ETag;
        using var never = await bed.Admin.PostAsync("/model:rollback", """{"version":7}""", ifMatch: etag);
        using var back = await bed.Admin.PostAsync("/model:rollback", """{"version":1}""", ifMatch: etag);
        using var again = await bed.Admin.PostAsync("/model:rollback", """{"version":0}""", ifMatch: etag);
        var history = await bed.Admin.JsonAsync("/model/history");

        Assert.Equal(HttpStatusCode.Conflict, never.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode); // The ETag read before the roll back is stale now.
        Assert.Equal(1, history["liveVersion"]!.GetValue<int>());
        Assert.Equal(["promoted", "promoted", "rolled-back"], history["changes"]!.AsArray().Select(c => c!["action"]!.GetValue<string>()));
        Assert.Equal([1, 2], history["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Contains(await bed.Admin.AuditAsync(), a => a["resource"]!.GetValue<string>() == "model:rollback");
        var rolledBack = Assert.Single(await HealthTestData.RoutingOutboxAsync(factory, bed.Account), e => e.Type == SmartnumbersEventTypes.ModelRolledBack);
        Assert.Equal((1, 2), (JsonNode.Parse(rolledBack.Data)!["version"]!.GetValue<int>(), JsonNode.Parse(rolledBack.Data)!["previousVersion"]!.GetValue<int>()));
        var models = factory.Services.GetRequiredService<AccountRiskModels>();
        var bias = (await CallsTestBed.ReadAsync(first))["bias"]!.GetValue<double>();
        Assert.Equal(bias, (await models.ReadAsync(bed.Account, CancellationToken.None)).Model.Bias, 9);
    }

    [Fact]
    public async Task A_promotion_reaches_another_instances_scoring_within_its_next_snapshot_check()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        await LabelSensiblyAsync(bed, 80);
        using var refit = await bed.Admin.PostAsync("/model:refit");
        var fittedBias = (await CallsTestBed.ReadAsync(refit))["bias"]!.GetValue<double>();
        // Another instance of the app: its own snapshot provider and model cache, on its own clock.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T05:00:00Z", CultureInfo.InvariantCulture));
        var snapshots = new TableSnapshotProvider(factory.Services.GetRequiredService<ConfigStore>(), factory.Services.GetRequiredService<NumberIndex>(),
            Options.Create(new SnapshotOptions()), time, NullLogger<TableSnapshotProvider>.Instance);
        var models = new AccountRiskModels(factory.Services.GetRequiredService<TableStore>(), time, NullLogger<AccountRiskModels>.Instance);
        var before = await models.GetAsync(bed.Account, (await snapshots.FindByCalledNumberAsync(bed.Number))!.Version, CancellationToken.None);
        Assert.NotNull(before.Candidate); // The candidate scores there in shadow …
        Assert.NotEqual(fittedBias, before.Model.Bias, 9); // … and the default weights decide.

        using var promote = await bed.Admin.PostAsync("/model:promote", null, ifMatch: (await ModelAsync(bed)).ETag);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        time.Advance(new SnapshotOptions().FreshFor + TimeSpan.FromMilliseconds(100));
        var after = await Poll.UntilAsync(
            async () => await models.GetAsync(bed.Account, (await snapshots.FindByCalledNumberAsync(bed.Number))!.Version, CancellationToken.None),
            d => d.Candidate is null);

        Assert.True(time.GetUtcNow() - DateTimeOffset.Parse("2026-11-30T05:00:00Z", CultureInfo.InvariantCulture) < TimeSpan.FromSeconds(2));
        Assert.Equal(fittedBias, after.Model.Bias, 9);
    }

    [Fact]
    public async Task The_nightly_refit_is_off_by_default_and_when_on_makes_a_candidate_never_a_live_model()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        await LabelSensiblyAsync(bed, 90);
        var timer = factory.Services.GetServices<ITimerFunction>().OfType<RefitModelsTimer>().Single();
        var on = ActivatorUtilities.CreateInstance<RefitModelsTimer>(factory.Services,
            Options.Create(new RiskModelOptions { NightlyRefit = true, MinLabelsPerClass = 2 }));

        var off = await timer.RunAsync(new TimerRun("test", false), default);
        var untouched = (await ModelAsync(bed)).Body;
        var line = await on.RefitAsync(bed.Account, default);
        var after = (await ModelAsync(bed)).Body;

        Assert.Equal(["nightly refit is off (setting RiskModel__NightlyRefit)"], off);
        Assert.Null(untouched["candidate"]);
        Assert.StartsWith(bed.Account + ": candidate version 1", line, StringComparison.Ordinal);
        Assert.Equal(1, after["candidate"]!["version"]!.GetValue<int>());
        Assert.Equal(0, after["liveVersion"]!.GetValue<int>());
        Assert.Contains(await bed.Admin.AuditAsync(), a => a["resource"]!.GetValue<string>() == "model:refit" && a["who"]!.GetValue<string>() == "RefitModels");
    }

    [Fact]
    public async Task A_broken_candidate_leaves_the_call_to_the_live_model_alone()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var live = """{"bias":-3.25,"weights":{"withheld":2}}""";
        var registry = $$"""{"liveVersion":1,"live":{{live}},"candidateVersion":2,"candidate":{"bias":1,"weights":null},"lastVersion":2}""";
        var config = factory.Services.GetRequiredService<TableStore>().Table(ConfigRows.Table);
        await config.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(bed.Account, ModelRows.Registry) { [DocumentColumns.Json] = registry });

        var decider = await factory.Services.GetRequiredService<AccountRiskModels>().ReadAsync(bed.Account, CancellationToken.None);
        var call = await bed.CallAndRecordAsync(Caller(95));

        Assert.Null(decider.Candidate);
        Assert.Equal(-3.25, decider.Model.Bias);
        Assert.Null(call.Risk!.ShadowScore);
        Assert.Equal("connect", call.Decision!.Action);
    }
}
