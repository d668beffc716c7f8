using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin.Bulk;

[Collection(AppCollection.Name)]
public sealed class BulkUploadTests(SmartnumbersAppFactory factory)
{
    private static Task<HttpResponseMessage> UploadAsync(AdminTestClient admin, string kind, string csv, bool dryRun = false, string? key = SmartnumbersAppFactory.BootstrapKey) =>
        admin.SendAsync(HttpMethod.Post, $"/{kind}:import" + (dryRun ? "?dryRun=true" : ""), csv, key, contentType: "text/csv");

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string[] Results(JsonObject body) => [.. body["rows"]!.AsArray().Select(r => r!["result"]!.GetValue<string>())];

    private static async Task<string> ExportAsync(AdminTestClient admin, string kind)
    {
        using var response = await admin.GetAsync($"/{kind}:export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static string ImportAudit(List<JsonNode> audit, string kind) =>
        Assert.Single(audit, a => a["action"]!.GetValue<string>() == "import" && a["resource"]!.GetValue<string>() == kind + ":import")["note"]!.GetValue<string>();

    [Fact]
    public async Task Numbers_dry_run_reports_each_row_and_writes_nothing_then_the_upload_applies_all_with_one_audit_entry()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var (a, b) = (AdminTestClient.NewNumber(), AdminTestClient.NewNumber());
        var csv = "number,label,route,ringSeconds,acr,fraudEnabled,fraudThreshold,fraudHighRiskRoute\n"
            + $"{a},Retail,+441134960000|+447700900123;+447700900124,20|25,busy,true,60,+442079460000\n"
            + $"{b},Mortgages,+441134960000,,,,,\n";

        using (var dry = await UploadAsync(admin, "numbers", csv, dryRun: true))
        {
            var body = await OkAsync(dry);
            Assert.True(body["dryRun"]!.GetValue<bool>());
            Assert.Equal(["created", "created"], Results(body));
            Assert.Equal(2, body["created"]!.GetValue<int>());
        }

        using (var absent = await admin.GetAsync("/numbers/" + a))
        {
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        }

        using (var applied = await UploadAsync(admin, "numbers", csv))
        {
            Assert.Equal(["created", "created"], Results(await OkAsync(applied)));
        }

        var retail = await admin.JsonAsync("/numbers/" + a);
        Assert.Equal(25, retail["route"]!["steps"]![1]!["ringSeconds"]!.GetValue<int>());
        Assert.Equal(2, retail["route"]!["steps"]![1]!["destinations"]!.AsArray().Count);
        Assert.Equal("busy", retail["screening"]!["acr"]!.GetValue<string>());
        Assert.Equal(60, retail["fraud"]!["threshold"]!.GetValue<int>());
        Assert.Equal("+442079460000", retail["fraud"]!["highRiskRoute"]!["steps"]![0]!["destinations"]![0]!.GetValue<string>());
        Assert.Null((await admin.JsonAsync("/numbers/" + b))["fraud"]);
        var audit = await admin.AuditAsync();
        Assert.Equal("numbers:import created 2, updated 0, unchanged 0", ImportAudit(audit, "numbers"));
        var entry = audit.First(e => e["action"]!.GetValue<string>() == "import");
        Assert.Null(entry["before"]![a]);
        Assert.Equal("Retail", entry["after"]![a]!["label"]!.GetValue<string>());

        var other = await AdminTestClient.CreateAsync(factory);
        using var claimed = await UploadAsync(other, "numbers", $"number,route\n{a},+441134960000\n");
        Assert.Equal(HttpStatusCode.BadRequest, claimed.StatusCode);
        Assert.Contains("belongs to another account", await claimed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_row_error_is_reported_with_its_row_and_column_and_nothing_is_applied()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var good = AdminTestClient.NewNumber();
        var csv = "number,label,route,ringSeconds,acr,fraudThreshold\n"
            + $"{good},Fine,+441134960000,,,\n"
            + $"07700900123,Local,+441134960000,,,\n"
            + $"{AdminTestClient.NewNumber()},Ring,+441134960000|+441134960001,20,,\n"
            + $"{AdminTestClient.NewNumber()},Odd,+441134960000,,maybe,150\n"
            + $"{good},Again,+441134960000,,,\n";

        using var response = await UploadAsync(admin, "numbers", csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray()
            .Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Equal([(3, "number"), (4, "ringSeconds"), (5, "acr"), (6, "number")], errors);
        using var absent = await admin.GetAsync("/numbers/" + good);
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.DoesNotContain(await admin.AuditAsync(), a => a["action"]!.GetValue<string>() == "import");
    }

    [Fact]
    public async Task An_export_uploaded_again_changes_nothing_for_numbers_and_lists()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using (var put = await admin.PutAsync("/numbers/" + number,
            """{"label":"=SUM(A1)","route":{"steps":[{"destinations":["+441134960000"],"ringSeconds":30}],"announcement":"Hello, caller","rules":[{"days":[6,7],"from":"00:00","to":"23:59","timeZone":"Europe/London","otherwise":null}]},"fraud":{"enabled":true,"threshold":65}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var lists = await UploadAsync(admin, "lists", "kind,entry,note\nblock,+447700900999,\"Nuisance, repeated\"\nallow,+44207*,Head office\nblock,anonymous,\n"))
        {
            Assert.Equal(["created", "created", "created"], Results(await OkAsync(lists)));
        }

        var before = await admin.JsonAsync("/numbers/" + number);
        foreach (var kind in new[] { "numbers", "lists" })
        {
            var exported = await ExportAsync(admin, kind);
            using var again = await UploadAsync(admin, kind, exported);
            var body = await OkAsync(again);
            Assert.All(Results(body), r => Assert.Equal("unchanged", r));
        }

        Assert.Equal(before.ToJsonString(), (await admin.JsonAsync("/numbers/" + number)).ToJsonString());
        Assert.Contains("'=SUM(A1)", await ExportAsync(admin, "numbers"), StringComparison.Ordinal);
        using var note = await UploadAsync(admin, "lists", "kind,entry,note\nallow,+44207*,Head office (London)\n", dryRun: true);
        Assert.Equal(["updated"], Results(await OkAsync(note)));
    }

    [Fact]
    public async Task Staff_PINs_are_set_only_from_a_pin_column_and_never_exported()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using (var put = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc()))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var noPin = await UploadAsync(admin, "staff", "id,name,role,numbers\n1001,A. Agent,staff,\n"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noPin.StatusCode);
            Assert.Contains("\"column\":\"pin\"", await noPin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var created = await UploadAsync(admin, "staff", $"id,name,role,numbers,pin\n1001,A. Agent,operator,{number},482913\n"))
        {
            Assert.Equal(["created"], Results(await OkAsync(created)));
        }

        var exported = await ExportAsync(admin, "staff");
        Assert.Equal("id,name,role,numbers", exported.Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain("482913", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", exported, StringComparison.Ordinal);
        using (var again = await UploadAsync(admin, "staff", exported.Replace("A. Agent", "A. Agent-Smith", StringComparison.Ordinal)))
        {
            Assert.Equal(["updated"], Results(await OkAsync(again)));
        }

        var documents = factory.Services.GetRequiredService<ConfigDocuments>();
        var row = await documents.Store.GetAsync(admin.Account, ConfigRows.Staff("1001"), default);
        Assert.True(PinHasher.Verify("482913", row!.Entity.GetString(StaffView.PinHashProperty)));
        Assert.Equal("A. Agent-Smith", (await admin.JsonAsync("/staff/1001"))["name"]!.GetValue<string>());
        var audit = (await admin.AuditAsync()).Where(a => a["resource"]!.GetValue<string>() == "staff:import").ToList();
        Assert.Equal(2, audit.Count);
        Assert.DoesNotContain("482913", string.Concat(audit.Select(a => a.ToJsonString())), StringComparison.Ordinal);
        Assert.True(audit[^1]["after"]!["1001"]!["pinChanged"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Too_many_rows_or_too_many_characters_are_refused_with_413_naming_the_limit()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var rows = new StringBuilder("kind,entry,note\n");
        for (var i = 0; i < 1001; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"block,+4477009{i:D5},\n");
        }

        using var many = await UploadAsync(admin, "lists", rows.ToString());
        using var big = await UploadAsync(admin, "lists", "kind,entry,note\nblock,+447700900999," + new string('x', 1_000_001) + "\n");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        Assert.Contains("at most 1000 rows", (await AdminTestClient.ProblemAsync(many))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("at most 1000000 characters", (await AdminTestClient.ProblemAsync(big))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ninety_eight_changed_rows_apply_in_one_transaction_and_ninety_nine_are_refused_with_413()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        static string Entries(int count, string note) =>
            "kind,entry,note\n" + string.Concat(Enumerable.Range(0, count).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"block,+4477009{i:D5},{note}\n")));

        using var tooMany = await UploadAsync(admin, "lists", Entries(99, "x"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Contains("at most 98 rows", (await AdminTestClient.ProblemAsync(tooMany))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await admin.JsonAsync("/lists/block"))["items"]!.AsArray());

        using (var applied = await UploadAsync(admin, "lists", Entries(98, "x")))
        {
            Assert.Equal(98, (await OkAsync(applied))["created"]!.GetValue<int>());
        }

        // Unchanged rows do not count: 98 unchanged and one more still fit.
        using var grown = await UploadAsync(admin, "lists", Entries(99, "x"));
        var body = await OkAsync(grown);
        Assert.Equal((1, 98), (body["created"]!.GetValue<int>(), body["unchanged"]!.GetValue<int>()));
        Assert.Equal(99, (await admin.JsonAsync("/lists/block"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_operator_may_upload_lists_but_not_numbers_or_staff()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var key = await admin.KeyAsync("operator");

        using var lists = await UploadAsync(admin, "lists", "kind,entry\nblock,+447700900999\n", key: key);
        using var numbers = await UploadAsync(admin, "numbers", $"number,route\n{AdminTestClient.NewNumber()},+441134960000\n", key: key);
        using var staff = await UploadAsync(admin, "staff", "id,name,pin\n1001,A,482913\n", key: key);

        Assert.Equal(HttpStatusCode.OK, lists.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, numbers.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    [Fact]
    public async Task The_documented_example_files_upload_cleanly()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        string Example(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "examples", name));
        try
        {
            foreach (var (kind, file) in new[] { ("numbers", "numbers.csv"), ("lists", "lists.csv"), ("staff", "staff.csv") })
            {
                using var response = await UploadAsync(admin, kind, Example(file));
                Assert.All(Results(await OkAsync(response)), r => Assert.Equal("created", r));
            }
        }
        finally
        {
            foreach (var number in new[] { "+441134960101", "+441134960102", "+441134960103" })
            {
                using var _ = await admin.DeleteAsync("/numbers/" + number);
            }
        }
    }
}
