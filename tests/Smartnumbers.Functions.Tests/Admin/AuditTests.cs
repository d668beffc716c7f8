using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class AuditTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public async Task Every_successful_write_appends_exactly_one_audit_row_and_refused_writes_none()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        var op = await admin.KeyAsync("operator");
        var writes = new List<(HttpMethod Method, string Path, string? Body, string Key)>
        {
            (HttpMethod.Put, "/numbers/" + number, AdminTestClient.NumberDoc(), SmartnumbersAppFactory.BootstrapKey),
            (HttpMethod.Put, "/plans/p1", AdminTestClient.PlanDoc(number), op),
            (HttpMethod.Post, "/plans/p1:load", null, op),
            (HttpMethod.Post, "/plans/p1:activate", null, op),
            (HttpMethod.Post, "/plans:deactivate", null, op),
            (HttpMethod.Put, "/overrides/" + number, """{"destinations":["+447700900777"]}""", op),
            (HttpMethod.Delete, "/overrides/" + number, null, op),
            (HttpMethod.Put, "/lists/block/anonymous", "{}", op),
            (HttpMethod.Put, "/staff/1234", """{"name":"A","pin":"1234"}""", SmartnumbersAppFactory.BootstrapKey),
            (HttpMethod.Put, "/sites/leeds", """{"name":"Leeds"}""", SmartnumbersAppFactory.BootstrapKey),
            (HttpMethod.Put, "", """{"name":"Renamed"}""", SmartnumbersAppFactory.BootstrapKey),
        };
        var refused = new List<(HttpMethod Method, string Path, string? Body, string Key)>
        {
            (HttpMethod.Put, "/numbers/nope", AdminTestClient.NumberDoc(), SmartnumbersAppFactory.BootstrapKey),
            (HttpMethod.Post, "/plans/p9:load", null, op),
            (HttpMethod.Delete, "/lists/block/+447700900000", null, op),
            (HttpMethod.Put, "/numbers/" + number, AdminTestClient.NumberDoc(), op),
        };
        var before = (await admin.AuditAsync()).Count;

        foreach (var (method, path, body, key) in writes)
        {
            using var response = await admin.SendAsync(method, path, body, key);
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {response.StatusCode}");
        }

        foreach (var (method, path, body, key) in refused)
        {
            using var response = await admin.SendAsync(method, path, body, key);
            Assert.False(response.IsSuccessStatusCode, $"{method} {path}");
        }

        var audit = await admin.AuditAsync();
        Assert.Equal(before + writes.Count, audit.Count);
        var newest = audit[0];
        Assert.Equal(("bootstrap", "admin", "api"), (newest["who"]!.GetValue<string>(), newest["role"]!.GetValue<string>(), newest["channel"]!.GetValue<string>()));
        Assert.Equal("Renamed", newest["after"]!["name"]!.GetValue<string>());
        Assert.Equal("Test bank", newest["before"]!["name"]!.GetValue<string>());
        var activation = audit.Single(a => a["action"]!.GetValue<string>() == "activate");
        Assert.Equal(("operator", op.Split('.')[2]), (activation["role"]!.GetValue<string>(), activation["who"]!.GetValue<string>()));
        Assert.True(audit.Zip(audit.Skip(1)).All(p => p.First["at"]!.GetValue<DateTimeOffset>() >= p.Second["at"]!.GetValue<DateTimeOffset>()));
    }

    [Fact]
    public async Task The_ivr_and_health_channels_switch_routing_through_the_same_service_and_are_audited_as_such()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        using (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc()))
        using (await admin.PutAsync("/plans/dr", AdminTestClient.PlanDoc(number)))
        using (await admin.PostAsync("/plans/dr:load"))
        {
        }

        var control = factory.Services.GetRequiredService<IRoutingControl>();
        var health = await control.ActivatePlanAsync(admin.Account, "dr", new AuditActor("leeds", "system", AuditActor.Health));
        var ivr = await control.SetOverrideAsync(admin.Account, number, new PersonalOverride { Destinations = ["+447700900123"], SetBy = "1234" }, new AuditActor("1234", "staff", AuditActor.Ivr));
        var manual = await control.DeactivatePlanAsync(admin.Account, new AuditActor("k", "operator", AuditActor.Api));
        var restore = await control.ActivatePlanAsync(admin.Account, "dr", new AuditActor("leeds", "system", AuditActor.Health), ifMatch: health.ETag);

        Assert.True(health.Succeeded && ivr.Succeeded && manual.Succeeded);
        Assert.Equal(WriteOutcome.PreconditionFailed, restore.Outcome);
        var channels = (await admin.AuditAsync()).Take(3).Select(a => a["channel"]!.GetValue<string>());
        Assert.Equal(["api", "ivr", "health"], channels);
        using var overrideNow = await admin.GetAsync("/overrides/" + number);
        Assert.Equal(HttpStatusCode.OK, overrideNow.StatusCode);
    }
}
