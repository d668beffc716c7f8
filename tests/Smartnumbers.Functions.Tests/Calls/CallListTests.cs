using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CsvHelper;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>GET …/calls: filters, paging, the Call DNA CSV report, roles and isolation.</summary>
[Collection(AppCollection.Name)]
public sealed class CallListTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public async Task Calls_filter_by_outcome_reason_and_tag_and_one_call_is_read_by_its_id()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        await bed.Calls.BlockAsync("+447400123999");
        var connected = await bed.CallAndRecordAsync("+447400123456");
        var rejected = await bed.CallAndRecordAsync("+447400123999");
        var key = await bed.Admin.KeyAsync("viewer");

        var onlyRejected = await bed.CallsJsonAsync("?outcome=rejected", key);
        Assert.Equal([rejected.CallId], onlyRejected["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
        var byReason = await bed.CallsJsonAsync("?reason=" + Uri.EscapeDataString(rejected.Decision!.Reason!), key);
        Assert.Equal([rejected.CallId], byReason["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
        var byReasons = await bed.CallsJsonAsync("?reason=" + Uri.EscapeDataString($"acr,{rejected.Decision!.Reason},icr-*"), key);
        Assert.Equal([rejected.CallId], byReasons["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
        var byPrefix = await bed.CallsJsonAsync("?reason=" + Uri.EscapeDataString(connected.Decision!.Reason![..3] + "*"), key);
        Assert.Equal([connected.CallId], byPrefix["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
        var onlyConnected = await bed.CallsJsonAsync("?outcome=connected", key);
        Assert.Equal([connected.CallId], onlyConnected["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()));
        var tagged = connected.Risk!.Tags.Concat(rejected.Risk!.Tags).FirstOrDefault();
        if (tagged is not null)
        {
            var byTag = await bed.CallsJsonAsync("?tag=" + tagged, key);
            var expected = new[] { connected, rejected }.Where(r => r.Risk!.Tags.Contains(tagged)).Select(r => r.CallId).ToHashSet();
            Assert.Equal(expected, byTag["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()).ToHashSet());
        }

        Assert.Empty((await bed.CallsJsonAsync("?tag=no-such-tag", key))["calls"]!.AsArray());
        using var bad = await bed.Admin.GetAsync("/calls?outcome=maybe", key);
        Assert.NotNull((await AdminTestClient.ProblemAsync(bad))["errors"]!["outcome"]);

        var one = await bed.Admin.JsonAsync("/calls/" + rejected.CallId, key);
        Assert.Equal(rejected.CallId, one["callId"]!.GetValue<string>());
        Assert.Equal("reject", one["decision"]!["action"]!.GetValue<string>());
        using var missing = await bed.Admin.GetAsync("/calls/CA-nothing", key);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Calls_page_newest_first_through_continuations_without_gaps_or_repeats()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await bed.CallAndRecordAsync("+4479111234" + (50 + i).ToString(CultureInfo.InvariantCulture))).CallId);
        }

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await bed.CallsJsonAsync("?limit=2" + (next is null ? "" : "&continuation=" + next));
            var calls = page["calls"]!.AsArray();
            Assert.InRange(calls.Count, 1, 2);
            seen.AddRange(calls.Select(c => c!["callId"]!.GetValue<string>()));
            next = page["continuation"]?.GetValue<string>();
            pages++;
        }
        while (next is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(placed), seen);
    }

    [Fact]
    public async Task Calls_filter_by_called_number_minimum_risk_and_time()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var other = TestNumber();
        using var put = await bed.Admin.PutAsync("/numbers/" + other, AdminTestClient.NumberDoc());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var low = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        var high = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller, new() { ["FromCountry"] = "FR", ["CallerName"] = "Bank security team" });
        var sid = TwilioWebhook.NewCallSid();
        await bed.Calls.CallAsync("+447911123499", sid, to: other);
        await CallRecords.Poll.UntilAsync(() => bed.Store.GetAsync(bed.Account, sid, CancellationToken.None), r => r is not null);
        Assert.True(high.Risk!.Score > low.Risk!.Score);

        var byNumber = await bed.CallsJsonAsync("?number=" + Uri.EscapeDataString(other));
        var risky = await bed.CallsJsonAsync("?number=" + Uri.EscapeDataString(bed.Number) + "&minRisk=" + high.Risk.Score);
        var before = await bed.CallsJsonAsync("?to=" + Uri.EscapeDataString(high.StartedAt.ToString("O", CultureInfo.InvariantCulture)));
        var after = await bed.CallsJsonAsync("?from=" + Uri.EscapeDataString(high.StartedAt.ToString("O", CultureInfo.InvariantCulture)));

        Assert.Equal([sid], Ids(byNumber));
        Assert.Equal([high.CallId], Ids(risky));
        Assert.Equal([low.CallId], Ids(before));
        Assert.Equal([sid, high.CallId], Ids(after));
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?minRisk=101", "minRisk")]
    [InlineData("?number=12", "number")]
    [InlineData("?continuation=bm9wZQ", "continuation")]
    [InlineData("?limit=0", "limit")]
    public async Task Bad_filters_are_400s_naming_the_parameter(string query, string field)
    {
        var bed = await CallsTestBed.CreateAsync(factory);

        using var response = await bed.Admin.GetAsync("/calls" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task The_call_dna_report_has_a_column_per_catalogue_attribute_and_parses_back()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var scored = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller, new() { ["FromCountry"] = "FR" });
        using var request = new HttpRequestMessage(HttpMethod.Get, bed.Admin.Base + "/calls");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await bed.Admin.KeyAsync("viewer"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var response = await bed.Admin.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        await using var csv = CsvReader.FromText(text);
        await csv.ReadHeaderAsync();
        var header = csv.Headers.ToArray();
        Assert.All(CallDnaCatalogue.All, a => Assert.Contains(a.Name, header));
        Assert.Equal(header.Length, header.Distinct(StringComparer.Ordinal).Count());
        Assert.True(await csv.ReadAsync());
        Assert.Equal((scored.CallId, scored.Risk!.Score.ToString(CultureInfo.InvariantCulture), string.Join(';', scored.Risk.Tags)),
            (csv.GetString("callId"), csv.GetString("score"), csv.GetString("tags")));
        foreach (var (name, value) in scored.Risk.Attributes)
        {
            Assert.Equal(value, double.Parse(csv.GetString(name), CultureInfo.InvariantCulture), 12);
        }

        Assert.False(await csv.ReadAsync());
    }

    [Fact]
    public async Task A_caller_id_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_phone_numbers_are_left_as_they_are()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        const string formula = "=HYPERLINK(\"http://attacker.example\",\"call back\")";
        var hostile = await bed.CallAndRecordAsync(formula);
        var genuine = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);

        using var response = await bed.Admin.GetAsync("/calls?format=csv");
        await using var csv = CsvReader.FromText(await response.Content.ReadAsStringAsync());
        await csv.ReadHeaderAsync();
        var cells = new Dictionary<string, (string Presentation, string Called)>(StringComparer.Ordinal);
        while (await csv.ReadAsync())
        {
            cells[csv.GetString("callId")] = (csv.GetString("presentationNumber"), csv.GetString("calledNumber"));
        }

        Assert.Equal(formula, hostile.PresentationNumber);
        Assert.Equal(("'" + formula, bed.Number), cells[hostile.CallId]);
        Assert.Equal((TwilioCalls.GenuineCaller, bed.Number), cells[genuine.CallId]);
    }

    [Theory]
    [InlineData("+441134960001", "+441134960001")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("anonymous", "anonymous")]
    [InlineData("", "")]
    public void Only_text_that_a_spreadsheet_would_run_is_prefixed(string value, string written) =>
        Assert.Equal(written, Smartnumbers.Functions.Calls.CallDnaCsv.AsText(value));

    [Fact]
    public async Task Format_csv_in_the_query_gives_the_report_too()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);

        using var response = await bed.Admin.GetAsync("/calls?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_viewer_may_list_calls_but_not_label_them()
    {
        var bed = await CallsTestBed.CreateAsync(factory);
        var record = await bed.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        var viewer = await bed.Admin.KeyAsync("viewer");

        var page = await bed.CallsJsonAsync("", viewer);
        using var label = await bed.LabelAsync(record.CallId, "fraud", viewer);

        Assert.Equal([record.CallId], Ids(page));
        Assert.Equal(HttpStatusCode.Forbidden, label.StatusCode);
    }

    [Fact]
    public async Task Another_accounts_key_sees_404_for_its_calls_labels_and_reports()
    {
        var a = await CallsTestBed.CreateAsync(factory);
        var b = await CallsTestBed.CreateAsync(factory);
        var record = await b.CallAndRecordAsync(TwilioCalls.GenuineCaller);
        var keyOfA = await a.Admin.KeyAsync("admin");

        using var list = await b.Admin.GetAsync("/calls", keyOfA);
        using var label = await b.LabelAsync(record.CallId, "fraud", keyOfA);
        using var labelViaA = await a.LabelAsync(record.CallId, "fraud", keyOfA);
        using var summary = await b.Admin.GetAsync("/reports/summary", keyOfA);
        using var refit = await b.Admin.PostAsync("/model:refit", null, keyOfA);

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { list.StatusCode, label.StatusCode, labelViaA.StatusCode, summary.StatusCode, refit.StatusCode });
    }

    private static string TestNumber() => Accounts.TestAccounts.NewNumber();

    private static List<string> Ids(System.Text.Json.Nodes.JsonNode page) => page["calls"]!.AsArray().Select(c => c!["callId"]!.GetValue<string>()).ToList();
}
