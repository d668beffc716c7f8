using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Pipeline;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>
/// A carrier that gives up on a webhook (its request aborted while the call is decided) is not a fault: under overload,
/// logging each one as an error with its stack trace cost more CPU than the calls themselves.
/// </summary>
public sealed class AbandonedWebhookTests : IClassFixture<AbandonedWebhookTests.LoggedApp>
{
    private readonly LoggedApp _app;

    public AbandonedWebhookTests(LoggedApp app) => _app = app;

    public sealed class LoggedApp : SmartnumbersAppFactory
    {
        public LoggedApp() => ConfigureTestServices.Add(s => s.AddFakeLogging());
    }

    [Fact]
    public async Task A_call_whose_webhook_was_abandoned_is_recorded_by_its_route_without_an_error_logged()
    {
        var calls = new TwilioCalls(_app);
        await calls.SetUpAsync(new NumberConfig { Route = TwilioCalls.Route((["+441134960000"], 20)) });
        await calls.CallAsync(TwilioCalls.GenuineCaller); // the instance knows the number (not the next caller), as it would mid-traffic
        var pipeline = _app.Services.GetRequiredService<CallPipeline>();
        var logs = _app.Services.GetFakeLogCollector();
        var call = InboundCall.Create(TwilioWebhook.NewCallSid(), Carrier.Twilio, calls.Number, "+447911654321", _app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        var outcome = await pipeline.HandleAsync(call, TimeSpan.FromSeconds(4), aborted.Token);

        var decided = Assert.IsType<CallOutcome.Decided>(outcome);
        Assert.Equal("+441134960000", Assert.Single(Assert.Single(decided.Decision.Steps).Destinations));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Error && r.Message.Contains(call.CallId, StringComparison.Ordinal));
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4111 && r.Message.Contains(call.CallId, StringComparison.Ordinal));
        var records = await PipelineCalls.RecordsAsync(_app, calls.Account, [call.CallId]);
        Assert.Equal(call.CallId, Assert.Single(records).CallId);
    }
}
