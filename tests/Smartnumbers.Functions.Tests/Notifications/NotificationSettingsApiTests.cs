using System.Net;
using Smartnumbers.Functions.Tests.Admin;

namespace Smartnumbers.Functions.Tests.Notifications;

[Collection(NotificationCollection.Name)]
public sealed class NotificationSettingsApiTests(NotificationAppFactory factory)
{
    private const string Secret = "a-long-random-shared-secret-0123";

    [Fact]
    public async Task Invalid_settings_are_refused_naming_each_field()
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var response = await admin.PutAsync("/notifications", """
            {"email":[{"address":"ops@example.com"},{"address":"not-an-address","notifications":["siteDown","coffee"]}],
             "webhook":{"url":"http://hooks.example.com/x","secret":"short","format":"discord"},
             "digest":{"interval":"weekly","hour":24}}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await AdminTestClient.ProblemAsync(response))["errors"]!.AsObject();
        Assert.Equal(
            ["digest.hour", "digest.interval", "email[1].address", "email[1].notifications[1]", "webhook.format", "webhook.secret", "webhook.url"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Settings_round_trip_without_ever_answering_the_webhook_secret()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var document = $$$"""
            {"email":[{"address":"ops@example.com","notifications":["siteDown"]}],
             "webhook":{"url":"https://hooks.example.com/x","secret":"{{{Secret}}}","format":"teams"},
             "digest":{"interval":"hourly","sendWhenEmpty":true}}
            """;

        using var put = await admin.PutAsync("/notifications", document);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var again = await admin.PutAsync("/notifications", """{"webhook":{"url":"https://hooks.example.com/y"}}""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var got = await admin.JsonAsync("/notifications");

        Assert.Equal("https://hooks.example.com/y", got["webhook"]!["url"]!.GetValue<string>());
        Assert.Null(got["webhook"]!["secret"]);
        Assert.DoesNotContain(Secret, await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, string.Join("\n", (await admin.AuditAsync()).Select(a => a.ToJsonString())), StringComparison.Ordinal);
        // The secret was kept by the second PUT (the stored document, read past the API, still has it).
        var documents = await Accounts.TestAccounts.DocumentsAsync(factory);
        var stored = await documents.GetAsync(admin.Account, Functions.Accounts.ConfigRows.Notifications, Functions.Accounts.ConfigJsonContext.Web.NotificationSettings, default);
        Assert.Equal(Secret, stored!.Value.Document.Webhook!.Secret);
    }

    [Fact]
    public async Task The_audit_of_put_and_delete_says_a_secret_is_set_but_never_holds_it()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        using var put = await admin.PutAsync("/notifications", $$$"""{"webhook":{"url":"https://hooks.example.com/x","secret":"{{{Secret}}}"}}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var keep = await admin.PutAsync("/notifications", """{"webhook":{"url":"https://hooks.example.com/y"}}""");
        Assert.Equal(HttpStatusCode.OK, keep.StatusCode);

        using var delete = await admin.DeleteAsync("/notifications");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var audit = (await admin.AuditAsync()).Where(a => a["resource"]!.GetValue<string>() == "notifications").ToList();
        Assert.Equal(["DELETE", "PUT", "PUT"], audit.Select(a => a["action"]!.GetValue<string>()));
        Assert.DoesNotContain(Secret, string.Join("\n", audit.Select(a => a.ToJsonString())), StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", string.Join("\n", audit.Select(a => a.ToJsonString())), StringComparison.Ordinal);
        var (deleted, kept, first) = (audit[0], audit[1], audit[2]);
        Assert.Null(first["before"]);
        Assert.True(first["after"]!["webhook"]!["secretSet"]!.GetValue<bool>());
        Assert.True(kept["before"]!["webhook"]!["secretSet"]!.GetValue<bool>());
        Assert.True(kept["after"]!["webhook"]!["secretSet"]!.GetValue<bool>()); // a PUT without a secret keeps the stored one
        Assert.Equal("https://hooks.example.com/y", deleted["before"]!["webhook"]!["url"]!.GetValue<string>());
        Assert.True(deleted["before"]!["webhook"]!["secretSet"]!.GetValue<bool>());
        Assert.Null(deleted["after"]);
    }

    [Fact]
    public async Task The_audit_says_when_no_webhook_secret_is_set()
    {
        var admin = await AdminTestClient.CreateAsync(factory);

        using var put = await admin.PutAsync("/notifications", """{"webhook":{"url":"https://hooks.example.com/x"}}""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var entry = Assert.Single(await admin.AuditAsync(), a => a["resource"]!.GetValue<string>() == "notifications");
        Assert.False(entry["after"]!["webhook"]!["secretSet"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Changing_the_settings_needs_the_admin_role()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var operatorKey = await admin.KeyAsync("operator");

        using var response = await admin.PutAsync("/notifications", "{}", operatorKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
