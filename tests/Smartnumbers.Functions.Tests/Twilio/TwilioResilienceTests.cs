using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>The app with its storage behind a gate the tests can close, and a divert cap that always fails.</summary>
public sealed class TwilioResilienceFactory : GatedStorageAppFactory
{
    public TwilioResilienceFactory()
    {
        Settings["Snapshots:FreshFor"] = "00:00:00.1";
        ConfigureTestServices.Add(s => s.AddSingleton<IDivertCap, FailingDivertCap>());
    }

    private sealed class FailingDivertCap : IDivertCap
    {
        public ValueTask<bool> TryReserveDivertAsync(string accountId, string calledNumber, int maxPerHour, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("divert cap broken for the test");

        public ValueTask<int?> DivertsInHourAsync(string accountId, string calledNumber, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("divert cap broken for the test");
    }
}

/// <summary>The call path never fails a caller: storage down, a fault mid-decision, nothing known at all.</summary>
public sealed class TwilioResilienceTests(TwilioResilienceFactory factory) : IClassFixture<TwilioResilienceFactory>
{
    private static readonly Route Normal = TwilioCalls.Route((["+441134960000"], 20));

    [Fact]
    public async Task With_storage_down_a_call_is_connected_by_the_last_known_config_within_the_budget()
    {
        factory.Gate.Open();
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig { Route = Normal, Screening = new ScreeningOptions { Acr = ScreeningResponse.Busy } });
        var (_, before, _) = await calls.CallAsync(TwilioCalls.GenuineCaller);
        Assert.Equal(["Dial"], TwilioCalls.Verbs(before));

        factory.Gate.Close();
        try
        {
            var clock = Stopwatch.StartNew();
            var (response, during, _) = await calls.CallAsync("+447911123459");
            var withheld = (await calls.CallAsync("Anonymous")).Twiml;

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
            Assert.Equal("+441134960000", during.Element("Dial")!.Element("Number")!.Value);
            Assert.Equal("busy", withheld.Element("Reject")!.Attribute("reason")!.Value);
        }
        finally
        {
            factory.Gate.Open();
        }
    }

    [Fact]
    public async Task A_fault_while_deciding_connects_the_caller_by_the_numbers_normal_route()
    {
        factory.Gate.Open();
        var calls = new TwilioCalls(factory);
        await calls.SetUpAsync(new NumberConfig
        {
            Route = Normal,
            Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 5, HighRiskRoute = TwilioCalls.Route((["+441134960099"], 30)) },
        });

        var (response, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var dial = twiml.Element("Dial")!;
        Assert.Equal("+441134960000", dial.Element("Number")!.Value);
        Assert.StartsWith("/api/twilio/dial-result?", dial.Attribute("action")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_route_is_known_the_dial_result_fallback_apologises_and_hangs_up()
    {
        _ = factory.Server;
        var handler = factory.Services.GetRequiredService<TwilioCallHandler>();
        var form = new FormCollection(new Dictionary<string, StringValues> { ["CallSid"] = TwilioWebhook.NewCallSid(), ["To"] = "+447911000002", ["From"] = TwilioCalls.GenuineCaller });

        var reply = await handler.DialResultFallbackAsync(form, default);

        var xml = System.Text.Encoding.UTF8.GetString(reply.Body.Span);
        Assert.Equal($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say voice=\"Polly.Amy\" language=\"en-GB\">{TwilioDialer.Apology}</Say><Hangup/></Response>", xml);
    }
}
