using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// Two app instances on one storage account, as the Functions host scales out: the hourly divert cap holds exactly
/// across them, and a plan switched on one is how the other routes within 2 s.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string Normal = "+441134960000";
    private const string HighRisk = "+441134960099";
    private const string PlanDestination = "+442079460000";
    private readonly SmartnumbersAppFactory _a = Instance();
    private readonly SmartnumbersAppFactory _b = Instance();

    private static SmartnumbersAppFactory Instance()
    {
        var factory = new SmartnumbersAppFactory();
        // The cap is reserved within CallPipeline__DivertCapBudget (1 s) or the call routes normally: the most allowed here, so that
        // a busy test machine measures the cap's exactness, not its latency.
        factory.Settings["CallPipeline:DivertCapBudget"] = "00:00:05";
        return factory;
    }

    public async Task InitializeAsync()
    {
        foreach (var factory in new[] { _a, _b })
        {
            _ = factory.Server;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task The_hourly_divert_cap_holds_exactly_across_two_instances()
    {
        const int cap = 5;
        var onA = new TwilioCalls(_a);
        await onA.SetUpAsync(new NumberConfig
        {
            Route = TestAccounts.RouteTo(Normal),
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = cap, HighRiskRoute = TestAccounts.RouteTo(HighRisk) },
        });
        var onB = new TwilioCalls(_b);
        // Neither instance has looked the number up yet: the burst's first calls on each wait for the same lookup.
        var hour = TimeProvider.System.GetUtcNow();

        var dialled = await Task.WhenAll(Enumerable.Range(0, 2 * cap + 4).Select(async i =>
        {
            var (_, twiml, body) = await (i % 2 == 0 ? onA : onB).CallAsync(TwilioCalls.GenuineCaller, to: onA.Number);
            return string.Join(",", twiml.Descendants("Number").Select(n => n.Value.Trim())) is { Length: > 0 } n ? n : body;
        }));

        Assert.Equal(hour.Hour, TimeProvider.System.GetUtcNow().Hour); // a run across the hour would split the count
        Assert.True(dialled.Count(d => d == HighRisk) == cap && dialled.Count(d => d == Normal) == cap + 4, string.Join(" ", dialled));
        Assert.Equal(cap, await _a.Services.GetRequiredService<IDivertCap>().DivertsInHourAsync(onA.Account, onA.Number, hour));
        Assert.Equal(cap, await _b.Services.GetRequiredService<IDivertCap>().DivertsInHourAsync(onA.Account, onA.Number, hour));
    }

    [Fact]
    public async Task A_plan_switched_on_one_instance_routes_calls_on_the_other_within_two_seconds()
    {
        var admin = await AdminTestClient.CreateAsync(_a);
        var number = AdminTestClient.NewNumber();
        using (var put = await admin.PutAsync("/numbers/" + number, AdminTestClient.NumberDoc(Normal)))
        using (var plan = await admin.PutAsync("/plans/closed", AdminTestClient.PlanDoc(number, PlanDestination)))
        using (var load = await admin.PostAsync("/plans/closed:load", """{"slot":3}"""))
        {
            Assert.True(new[] { put, plan, load }.All(r => r.StatusCode == HttpStatusCode.OK));
        }

        var onB = new TwilioCalls(_b);
        Assert.Equal(Normal, await DialledAsync(onB, number)); // B has the number's snapshot in memory

        using (var activate = await admin.PostAsync("/plans/closed:activate"))
        {
            Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        await Poll.UntilAsync(() => DialledAsync(onB, number), d => d == PlanDestination, TimeSpan.FromSeconds(2));
        var activated = clock.Elapsed;

        var onBAdmin = new AdminTestClient(_b.CreateClient(), admin.Account);
        using (var deactivate = await onBAdmin.PostAsync("/plans:deactivate"))
        {
            Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        }

        clock.Restart();
        await Poll.UntilAsync(() => DialledAsync(new TwilioCalls(_a), number), d => d == Normal, TimeSpan.FromSeconds(2));
        Assert.InRange(activated, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    private static async Task<string> DialledAsync(TwilioCalls calls, string number)
    {
        var (_, twiml, _) = await calls.CallAsync("+447700900123", to: number);
        return string.Join(",", twiml.Descendants("Number").Select(n => n.Value.Trim()));
    }
}
