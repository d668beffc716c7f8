using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class RoutingResourceTests(SmartnumbersAppFactory factory)
{
    private ISnapshotProvider Snapshots => factory.Services.GetRequiredService<ISnapshotProvider>();

    [Fact]
    public async Task An_override_with_expiry_is_set_seen_by_the_call_path_and_cancelled()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc()))
        {
        }

        var expires = TimeProvider.System.GetUtcNow().AddHours(2).ToString("O", CultureInfo.InvariantCulture);
        using var set = await admin.PutAsync("/overrides/" + number, $$"""{"destinations":["+447700900777"],"ringSeconds":25,"expiresAt":"{{expires}}"}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var live = (await Snapshots.FindByCalledNumberAsync(number))!.Overrides[number];
        Assert.Equal(("+447700900777", 25), (live.Destinations[0], live.RingSeconds));
        Assert.NotNull(live.ExpiresAt);

        using var cancelled = await admin.DeleteAsync("/overrides/" + number);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Empty((await Snapshots.FindByCalledNumberAsync(number))!.Overrides);
    }

    [Fact]
    public async Task An_override_for_a_number_the_account_lacks_or_already_expired_is_refused()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc()))
        {
        }

        using var unknown = await admin.PutAsync("/overrides/" + AdminTestClient.NewNumber(), """{"destinations":["+447700900777"]}""");
        using var expired = await admin.PutAsync("/overrides/" + number, """{"destinations":["+447700900777"],"expiresAt":"2020-01-01T00:00:00Z"}""");
        using var noOverride = await admin.DeleteAsync("/overrides/" + number);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(expired))["errors"]!["expiresAt"]);
        Assert.Equal(HttpStatusCode.NotFound, noOverride.StatusCode);
    }

    [Fact]
    public async Task Block_and_allow_entries_are_listed_and_reach_the_snapshot()
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var block = await admin.PutAsync("/lists/block/+447700900666", """{"note":"fraud ring"}""");
        using var prefix = await admin.PutAsync("/lists/block/+44909*", "{}");
        using var anonymous = await admin.PutAsync("/lists/allow/anonymous", "{}");
        using var bad = await admin.PutAsync("/lists/block/07700900666", "{}");
        using var kind = await admin.PutAsync("/lists/grey/+447700900666", "{}");

        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        Assert.Equal(HttpStatusCode.OK, prefix.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, kind.StatusCode);
        var listed = (await admin.JsonAsync("/lists/block"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());
        Assert.Equal(["+447700900666", "+44909*"], listed.Order(StringComparer.Ordinal));
        var snapshot = (await Snapshots.GetAsync(admin.Account))!;
        Assert.Contains("+44909*", snapshot.BlockList.Entries);
        Assert.Contains("anonymous", snapshot.AllowList.Entries);

        using var removed = await admin.DeleteAsync("/lists/block/+44909*");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain("+44909*", (await Snapshots.GetAsync(admin.Account))!.BlockList.Entries);
    }

    [Fact]
    public async Task Staff_pin_is_stored_as_a_slow_hash_and_never_returned()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc()))
        {
        }

        using var put = await admin.PutAsync("/staff/1234", $$"""{"name":"A. Agent","pin":"482913","numbers":["{{number}}"],"role":"operator"}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain("482913", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var got = (await admin.JsonAsync("/staff/1234")).ToJsonString();
        var audit = string.Join("", (await admin.AuditAsync()).Select(a => a.ToJsonString()));
        var member = (await Snapshots.GetAsync(admin.Account))!.Staff["1234"];

        Assert.DoesNotContain("482913", got, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", got, StringComparison.Ordinal);
        Assert.DoesNotContain("482913", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", audit, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$150000$", member.PinHash, StringComparison.Ordinal);
        Assert.True(PinHasher.Verify("482913", member.PinHash));
        Assert.False(PinHasher.Verify("482914", member.PinHash));

        using var rename = await admin.PutAsync("/staff/1234", $$"""{"name":"A. Agent-Smith","numbers":["{{number}}"]}""");
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.True(PinHasher.Verify("482913", (await Snapshots.GetAsync(admin.Account))!.Staff["1234"].PinHash));
    }

    [Theory]
    [InlineData("12", """{"name":"x","pin":"1234"}""", "staff")]
    [InlineData("5678", """{"name":"x"}""", "pin")]
    [InlineData("5678", """{"name":"x","pin":"12a4"}""", "pin")]
    [InlineData("5678", """{"name":"x","pin":"1234","numbers":["+447712345678"]}""", "numbers[0]")]
    public async Task Invalid_staff_is_refused_naming_the_field(string id, string json, string field)
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var response = await admin.PutAsync("/staff/" + id, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task A_site_round_trips_with_its_health_and_must_name_an_existing_failover_plan()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        const string site = """{"name":"Leeds","destinations":["+441134960000"],"probes":[{"kind":"sipOptions","target":"sip:sbc.leeds.example:5060;transport=udp"},{"kind":"http","target":"https://pbx.leeds.example/health"}],"downAfter":3,"upAfter":2,"failoverPlan":"leeds-closed"}""";

        using var missingPlan = await admin.PutAsync("/sites/leeds", site);
        Assert.Equal(HttpStatusCode.BadRequest, missingPlan.StatusCode);
        Assert.NotNull((await AdminTestClient.ProblemAsync(missingPlan))["errors"]!["failoverPlan"]);

        var number = AdminTestClient.NewNumber();
        using (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc()))
        using (await admin.PutAsync("/plans/leeds-closed", AdminTestClient.PlanDoc(number)))
        using (var put = await admin.PutAsync("/sites/leeds", site))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var got = await admin.JsonAsync("/sites/leeds");
        Assert.Equal("sipOptions", got["probes"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("up", got["health"]!["state"]!.GetValue<string>());
        Assert.Equal("leeds-closed", (await Snapshots.GetAsync(admin.Account))!.Sites["leeds"].FailoverPlan);

        using var badProbe = await admin.PutAsync("/sites/leeds", """{"name":"Leeds","probes":[{"kind":"http","target":"ftp://x"}]}""");
        Assert.NotNull((await AdminTestClient.ProblemAsync(badProbe))["errors"]!["probes[0].target"]);
    }
}
