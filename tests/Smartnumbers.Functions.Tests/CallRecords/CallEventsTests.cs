using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>Blocked and high-risk calls raise Call.Blocked / Call.HighRisk through the outbox (docs/health.md, CloudEvents), once per call.</summary>
[Collection(AppCollection.Name)]
public sealed class CallEventsTests(SmartnumbersAppFactory factory)
{
    private static readonly Route Normal = TwilioCalls.Route((["+441134960000"], 20));

    private async Task<IReadOnlyList<TableEntity>> OutboxOfAsync(string account, int atLeast)
    {
        var table = factory.Services.GetRequiredService<TableStore>().Table(OutboxTable.Default);
        return await Poll.UntilAsync(
            async () => (IReadOnlyList<TableEntity>)await table.QueryAsync<TableEntity>(e => e.PartitionKey == account).ToListAsync(),
            rows => rows.Count >= atLeast);
    }

    [Fact]
    public async Task A_blocklisted_call_raises_one_call_blocked_event_even_when_the_webhook_is_retried()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal });
        await calls.BlockAsync(TwilioCalls.GenuineCaller);
        var sid = TwilioWebhook.NewCallSid();

        await calls.CallAsync(TwilioCalls.GenuineCaller, sid);
        await calls.CallAsync(TwilioCalls.GenuineCaller, sid);

        var row = Assert.Single(await OutboxOfAsync(calls.Account, 1));
        Assert.Equal(SmartnumbersEventTypes.CallBlocked, row.GetString("Type"));
        Assert.Equal("call-blocked:" + sid, row.GetString("EventId"));
        Assert.Equal($"/accounts/{calls.Account}/numbers/{calls.Number}", row.GetString("Subject"));
        using var data = JsonDocument.Parse(row.GetString("Data"));
        Assert.Equal("busy", data.RootElement.GetProperty("rejectMode").GetString());
        Assert.Equal(TwilioCalls.GenuineCaller, data.RootElement.GetProperty("caller").GetString());
    }

    [Fact]
    public async Task A_high_risk_call_raises_call_high_risk_with_its_score_and_whether_it_was_diverted()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig
        {
            Route = Normal,
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 5, HighRiskRoute = TwilioCalls.Route((["+441134960099"], 30)) },
        });
        var sid = TwilioWebhook.NewCallSid();

        await calls.CallAsync(TwilioCalls.GenuineCaller, sid);

        var row = Assert.Single(await OutboxOfAsync(calls.Account, 1));
        Assert.Equal(SmartnumbersEventTypes.CallHighRisk, row.GetString("Type"));
        Assert.Equal("call-highrisk:" + sid, row.GetString("EventId"));
        using var data = JsonDocument.Parse(row.GetString("Data"));
        Assert.True(data.RootElement.GetProperty("diverted").GetBoolean());
        Assert.Equal("+441134960099", data.RootElement.GetProperty("firstDestination").GetString());
        Assert.InRange(data.RootElement.GetProperty("score").GetInt32(), 0, 100);
    }

    [Fact]
    public async Task A_genuine_call_under_the_threshold_raises_no_event()
    {
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal });
        var sid = TwilioWebhook.NewCallSid();

        await calls.CallAsync(TwilioCalls.GenuineCaller, sid);

        var store = factory.Services.GetRequiredService<Smartnumbers.Functions.CallRecords.CallRecordStore>();
        await Poll.UntilAsync(() => store.GetAsync(calls.Account, sid, CancellationToken.None), r => r is not null);
        var table = factory.Services.GetRequiredService<TableStore>().Table(OutboxTable.Default);
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == calls.Account).ToListAsync());
    }
}
