using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Events;

/// <summary>Plan switches and overrides made through the admin API raise their CloudEvents (docs/health.md), once each.</summary>
[Collection(AppCollection.Name)]
public sealed class RoutingEventsTests(SmartnumbersAppFactory factory)
{
    private TableClient ConfigTable => factory.Services.GetRequiredService<TableStore>().Table(ConfigRows.Table);

    // The test app has no Event Grid: the rows stay where the change wrote them, in the account's configuration partition.
    private async Task<List<TableEntity>> OutboxOfAsync(string account, int atLeast) =>
        await Poll.UntilAsync(
            async () => await ConfigTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {account}") + " and " + OutboxRow.Filter).ToListAsync(),
            rows => rows.Count >= atLeast);

    [Fact]
    public async Task Activating_and_deactivating_a_plan_through_the_api_publishes_activated_then_deactivated()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc())).Dispose();
        (await admin.PutAsync("/plans/leeds-closed", AdminTestClient.PlanDoc(number))).Dispose();
        (await admin.PostAsync("/plans/leeds-closed:load")).Dispose();

        using var activate = await admin.PostAsync("/plans/leeds-closed:activate");
        using var deactivate = await admin.PostAsync("/plans:deactivate");

        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        var rows = await OutboxOfAsync(admin.Account, 2);
        Assert.Equal(
            [SmartnumbersEventTypes.DialPlanActivated, SmartnumbersEventTypes.DialPlanDeactivated],
            rows.Select(r => r.GetString("Type")).Order(StringComparer.Ordinal));
        var activated = rows.Single(r => r.GetString("Type") == SmartnumbersEventTypes.DialPlanActivated);
        Assert.Equal($"/accounts/{admin.Account}/plans/leeds-closed", activated.GetString("Subject"));
        using var data = JsonDocument.Parse(activated.GetString("Data"));
        Assert.Equal("leeds-closed", data.RootElement.GetProperty("activePlan").GetString());
        Assert.Equal("api", data.RootElement.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Setting_an_override_publishes_override_set_with_its_destination()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc())).Dispose();

        using var put = await admin.PutAsync("/overrides/" + number, """{"destinations":["+447984123456"]}""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var row = Assert.Single(await OutboxOfAsync(admin.Account, 1));
        Assert.Equal(SmartnumbersEventTypes.OverrideSet, row.GetString("Type"));
        using var data = JsonDocument.Parse(row.GetString("Data"));
        Assert.Equal("+447984123456", data.RootElement.GetProperty("destinations")[0].GetString());
    }

    [Fact]
    public async Task A_plan_switch_and_its_event_commit_together_and_a_refused_switch_raises_none()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber();
        (await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc())).Dispose();
        (await admin.PutAsync("/plans/leeds-closed", AdminTestClient.PlanDoc(number))).Dispose();

        using var refused = await admin.PostAsync("/plans/leeds-closed:activate"); // Not loaded yet.
        (await admin.PostAsync("/plans/leeds-closed:load")).Dispose();
        using var activate = await admin.PostAsync("/plans/leeds-closed:activate");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        var row = Assert.Single(await OutboxOfAsync(admin.Account, 1));
        // Same partition, and the id names the account version the change made: the version row and the event were
        // written by one transaction.
        var version = (await ConfigTable.GetEntityAsync<TableEntity>(admin.Account, ConfigRows.Meta)).Value.GetInt64(ConfigRows.VersionProperty);
        Assert.Equal($"{SmartnumbersEventTypes.DialPlanActivated}:{admin.Account}:v{version}", row.GetString("EventId"));
        Assert.Empty(await ConfigTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {admin.Account}") + " and " + OutboxRow.Filter)
            .Where(r => r.GetString("Type") != SmartnumbersEventTypes.DialPlanActivated).ToListAsync());
    }
}
