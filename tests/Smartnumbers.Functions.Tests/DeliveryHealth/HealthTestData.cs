using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>Accounts, plans and sites for the health tests, written through the storage layer; and what the outbox holds.</summary>
internal static class HealthTestData
{
    public static async Task PutPlanAsync(ConfigDocuments documents, string account, string plan, string number, string destination)
    {
        var doc = new DialPlan { Name = plan, Entries = [new DialPlanEntry { Number = number, Route = TestAccounts.RouteTo(destination) }] };
        var put = await documents.PutAsync(account, ConfigRows.Plan(plan), doc, ConfigJsonContext.Web.DialPlan, null, TestAccounts.Actor, "plans/" + plan, default);
        Assert.Equal(WriteOutcome.Done, put.Outcome);
    }

    /// <summary>
    /// Site "Leeds": one desk, probed over HTTP at <paramref name="pbx"/>; down after 2 failed rounds. A stopped PBX refuses
    /// the connection at once, so the generous timeout does not slow a test down; it keeps a restarted PBX's first answer,
    /// slow on a machine busy with the whole suite, from counting as a failed probe.
    /// </summary>
    public static Site Leeds(LocalHttpEndpoint pbx, string? failoverPlan = "leeds-closed", int upAfter = 2) => new()
    {
        Name = "Leeds",
        Destinations = ["+441134960000"],
        Probes = [new Probe { Kind = ProbeKind.Http, Target = pbx.Url + "/health", TimeoutMs = 5000 }],
        DownAfter = 2,
        UpAfter = upAfter,
        FailoverPlan = failoverPlan,
    };

    public static async Task<SiteToProbe> PutSiteAsync(ConfigDocuments documents, string account, string siteId, Site site)
    {
        var put = await documents.PutAsync(account, ConfigRows.Site(siteId), site, ConfigJsonContext.Web.Site, null, TestAccounts.Actor, "sites/" + siteId, default);
        Assert.Equal(WriteOutcome.Done, put.Outcome);
        return new SiteToProbe(account, siteId, site);
    }

    /// <summary>Outbox rows of one account in one table: (event id, type, data JSON).</summary>
    public static async Task<List<(string Id, string Type, string Data)>> OutboxAsync(SmartnumbersAppFactory factory, string table, string account)
    {
        var client = factory.Services.GetRequiredService<TableStore>().Table(table);
        var rows = new List<(string, string, string)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {account}") + " and " + Smartnumbers.Functions.Events.OutboxRow.Filter;
        await foreach (var e in client.QueryAsync<TableEntity>(filter))
        {
            rows.Add((e.GetString("EventId"), e.GetString("Type"), e.GetString("Data")));
        }

        return rows;
    }

    public static Task<List<(string Id, string Type, string Data)>> SiteOutboxAsync(SmartnumbersAppFactory factory, string account) =>
        OutboxAsync(factory, SiteHealthStore.TableName, account);

    public static Task<List<(string Id, string Type, string Data)>> DefaultOutboxAsync(SmartnumbersAppFactory factory, string account) =>
        OutboxAsync(factory, OutboxTable.Default, account);

    /// <summary>Routing events (plan switches, overrides): written in the account's configuration partition with the change.</summary>
    public static Task<List<(string Id, string Type, string Data)>> RoutingOutboxAsync(SmartnumbersAppFactory factory, string account) =>
        OutboxAsync(factory, Smartnumbers.Functions.Accounts.ConfigRows.Table, account);
}
