using System.Globalization;
using System.Net;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>GET …/reports/summary over a known set of calls.</summary>
[Collection(AppCollection.Name)]
public sealed class SummaryReportTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public async Task The_summary_counts_volume_high_risk_number_types_and_countries()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var records = new[]
        {
            await bed.CallAndRecordAsync("+447400123456"), // GB (libphonenumber puts +447911 in Guernsey).
            await bed.CallAndRecordAsync("+447400123457", new() { ["FromCountry"] = "FR", ["CallerName"] = "Bank fraud team" }),
            await bed.CallAndRecordAsync("+33612345678"),
            await bed.CallAndRecordAsync("Anonymous"),
        };
        var threshold = records.Max(r => r.Risk!.Score);
        var from = records.Min(r => r.StartedAt).AddMinutes(-1);
        var to = records.Max(r => r.StartedAt).AddMinutes(1);

        var summary = await bed.Admin.JsonAsync($"/reports/summary?from={Iso(from)}&to={Iso(to)}&highRiskScore={threshold}", await bed.Admin.KeyAsync("viewer"));

        Assert.Equal(4, summary["total"]!.GetValue<int>());
        Assert.Equal(records.Count(r => r.Risk!.Score >= threshold), summary["highRisk"]!.GetValue<int>());
        var hourly = summary["hourly"]!.AsArray();
        Assert.Equal(4, hourly.Sum(h => h!["calls"]!.GetValue<int>()));
        Assert.InRange(hourly.Count, 1, 2);
        Assert.Equal(
            new Dictionary<string, int> { ["GB"] = 2, ["FR"] = 1, ["withheld"] = 1 },
            summary["byCountry"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()));
        Assert.Equal(
            new Dictionary<string, int> { ["mobile"] = 3, ["withheld"] = 1 },
            summary["byNumberType"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()));
    }

    [Fact]
    public async Task Without_a_score_each_call_is_high_risk_against_its_own_numbers_threshold_and_outcomes_are_counted()
    {
        // The bed's number counts every call as high risk (threshold 0); a second number only a score of 100 (threshold 100).
        var bed = await CallsTestBed.CreateAsync(factory, new NumberConfig { Route = TwilioCalls.Route((["+441134960000"], 20)), Fraud = new FraudPolicy { Threshold = 0 } });
        var strict = AdminTestClient.NewNumber();
        using (var put = await bed.Admin.PutAsync("/numbers/" + strict, """{"route":{"steps":[{"destinations":["+441134960000"],"ringSeconds":20}]},"fraud":{"threshold":100}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await bed.Calls.BlockAsync("+447400123999");
        var lenient = new[] { await bed.CallAndRecordAsync("+447400123456"), await bed.CallAndRecordAsync("+447400123999") };
        var strictSid = TwilioWebhook.NewCallSid();
        await bed.Calls.CallAsync("+447400123457", strictSid, to: strict);
        var strictRecord = (await CallRecords.Poll.UntilAsync(() => bed.Store.GetAsync(bed.Account, strictSid, CancellationToken.None), r => r is not null))!;
        var all = lenient.Append(strictRecord).ToList();
        var from = all.Min(r => r.StartedAt).AddMinutes(-1);
        var to = all.Max(r => r.StartedAt).AddMinutes(1);

        var summary = await bed.Admin.JsonAsync($"/reports/summary?from={Iso(from)}&to={Iso(to)}");

        var highRisk = strictRecord.Risk!.Score >= 100 ? all : lenient.ToList();
        Assert.Null(summary["highRiskScore"]);
        Assert.Equal(highRisk.Count, summary["highRisk"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["connected"] = 2, ["rejected"] = 1 }, Counts(summary["byOutcome"]));
        Assert.Equal(1, Counts(summary["rejectedByReason"]).Values.Sum());
        var hourly = summary["hourly"]!.AsArray();
        Assert.Equal(2, hourly.Sum(h => h!["outcomes"]!["connected"]?.GetValue<int>() ?? 0));
        Assert.Equal(1, hourly.Sum(h => h!["outcomes"]!["rejected"]?.GetValue<int>() ?? 0));
        var expectedTags = highRisk.SelectMany(r => r.Risk!.Tags).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedTags, Counts(summary["suspiciousByTag"]));
        Assert.Equal(highRisk.Count, Counts(summary["suspiciousByCountry"]).Values.Sum());
    }

    private static Dictionary<string, int> Counts(System.Text.Json.Nodes.JsonNode? node) =>
        node!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());

    [Fact]
    public async Task Calls_outside_the_range_are_not_counted_and_a_bad_range_is_a_400()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var record = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);

        var hour = new DateTimeOffset(record.StartedAt.UtcDateTime.Date.AddHours(record.StartedAt.UtcDateTime.Hour), TimeSpan.Zero);
        var earlier = await bed.Admin.JsonAsync($"/reports/summary?from={Iso(hour.AddHours(-3))}&to={Iso(hour.AddHours(-1))}");
        using var reversed = await bed.Admin.GetAsync($"/reports/summary?from={Iso(record.StartedAt)}&to={Iso(record.StartedAt.AddHours(-1))}");
        using var tooLong = await bed.Admin.GetAsync($"/reports/summary?from={Iso(record.StartedAt.AddDays(-40))}&to={Iso(record.StartedAt)}");

        Assert.Equal(0, earlier["total"]!.GetValue<int>());
        Assert.Equal(2, earlier["hourly"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(tooLong))["errors"]!["to"]);
    }

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture));
}
