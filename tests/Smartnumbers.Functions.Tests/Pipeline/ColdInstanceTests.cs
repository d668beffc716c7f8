using System.Net;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Pipeline;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>
/// A freshly started (or scaled-out) instance must route every call to a number it owns, even before it has read the
/// number, even with storage trouble: "can't tell" is never "not ours".
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ColdInstanceTests(SmartnumbersAppFactory factory)
{
    private const string Agent = "+441134960000";
    private const string EmergencyLine = "+441614960000";

    private async Task<TwilioCalls> NumberAsync()
    {
        var setup = new TwilioCalls(factory);
        await setup.SetUpAsync(new NumberConfig { Route = TwilioCalls.Route(([Agent], 20)) });
        return setup;
    }

    [Fact]
    public async Task Fifty_simultaneous_calls_to_a_number_a_new_instance_never_read_are_all_routed_and_recorded()
    {
        var setup = await NumberAsync();
        await using var cold = new ColdInstanceFactory();
        var client = cold.CreateClient();

        var answers = await Task.WhenAll(PipelineCalls.Callers(50).Select(c => PipelineCalls.VoiceAsync(client, c, setup.Number)));

        Assert.All(answers, a => Assert.Equal(Agent, PipelineCalls.FirstDialled(a)));
        var records = await PipelineCalls.RecordsAsync(factory, setup.Account, [.. answers.Select(a => a.CallSid)]);
        Assert.Equal(50, records.Count);
        Assert.All(records, r => Assert.Equal("routed", r.Decision!.Reason));
    }

    [Fact]
    public async Task With_storage_refusing_a_new_instance_sends_every_call_to_the_emergency_route_and_records_it()
    {
        var setup = await NumberAsync();
        await using var cold = new ColdInstanceFactory(EmergencyLine + ",+441614960001");
        var client = cold.CreateClient();
        cold.Gate.Close();

        var answers = await Task.WhenAll(PipelineCalls.Callers(10).Select(c => PipelineCalls.VoiceAsync(client, c, setup.Number)));

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Equal(["Say", "Dial"], TwilioCalls.Verbs(a.Twiml!));
            Assert.Equal(EmergencyLine, PipelineCalls.FirstDialled(a));
        });
        cold.Gate.Open();
        var records = await PipelineCalls.RecordsAsync(factory, EmergencyRouteOptions.RecordAccount, [.. answers.Select(a => a.CallSid)]);
        Assert.All(records, r => Assert.Equal(("emergency-route", "emergency", setup.Number), (r.Decision!.Reason, r.Decision.Source, r.CalledNumber)));
    }

    [Fact]
    public async Task With_storage_refusing_and_no_emergency_route_a_new_instance_answers_503_so_twilio_uses_the_fallback_url()
    {
        var setup = await NumberAsync();
        await using var cold = new ColdInstanceFactory();
        var client = cold.CreateClient();
        cold.Gate.Close();

        var answers = await Task.WhenAll(PipelineCalls.Callers(10).Select(c => PipelineCalls.VoiceAsync(client, c, setup.Number)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(6), $"took {a.Took}"));
    }

    [Fact]
    public async Task With_storage_hanging_a_new_instance_answers_within_the_owner_budget_and_never_rejects()
    {
        var setup = await NumberAsync();
        await using var cold = new ColdInstanceFactory(EmergencyLine);
        var client = cold.CreateClient();
        cold.Gate.Hang();

        var answers = await Task.WhenAll(PipelineCalls.Callers(10).Select(c => PipelineCalls.VoiceAsync(client, c, setup.Number)));

        Assert.All(answers, a => Assert.Equal(EmergencyLine, PipelineCalls.FirstDialled(a)));
        Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(6), $"took {a.Took}"));
    }

    [Fact]
    public async Task With_storage_hanging_a_warm_instance_routes_by_the_last_known_config()
    {
        var setup = await NumberAsync();
        await using var cold = new ColdInstanceFactory();
        var client = cold.CreateClient();
        Assert.Equal(Agent, PipelineCalls.FirstDialled(await PipelineCalls.VoiceAsync(client, TwilioCalls.GenuineCaller, setup.Number)));
        cold.Gate.Hang();

        var answers = await Task.WhenAll(PipelineCalls.Callers(10).Select(c => PipelineCalls.VoiceAsync(client, c, setup.Number)));

        Assert.All(answers, a => Assert.Equal(Agent, PipelineCalls.FirstDialled(a)));
        Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(3), $"took {a.Took}"));
    }

    [Fact]
    public async Task A_number_no_account_has_is_still_rejected_once_storage_says_so()
    {
        await using var cold = new ColdInstanceFactory();
        var client = cold.CreateClient();

        var answer = await PipelineCalls.VoiceAsync(client, TwilioCalls.GenuineCaller, Accounts.TestAccounts.NewNumber());

        Assert.Equal("rejected", answer.Twiml!.Element("Reject")!.Attribute("reason")!.Value);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("+4412")]
    [InlineData("sip:reception@pbx.example.com")]
    public async Task A_called_number_no_account_could_have_is_rejected_at_once_without_asking_storage(string to)
    {
        await using var cold = new ColdInstanceFactory();
        var client = cold.CreateClient();
        cold.Gate.Close();

        var answer = await PipelineCalls.VoiceAsync(client, TwilioCalls.GenuineCaller, to);

        Assert.Equal("rejected", answer.Twiml!.Element("Reject")!.Attribute("reason")!.Value);
        Assert.True(answer.Took < TimeSpan.FromSeconds(1), $"took {answer.Took}");
    }
}
