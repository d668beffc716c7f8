using Microsoft.Extensions.Logging;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Ivr;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Ivr;

public sealed class DialInLineTests : IDisposable
{
    private const string Pin = "482913";
    private readonly IvrStorageFixture _storage = new();
    private readonly InMemoryAccount _account = new(InMemoryAccount.Northwind(SmartnumbersAppFactory.NewAccountId("line"), TestPins.Hash(Pin)));
    private readonly LogSink _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly DialInLine _line;

    public DialInLineTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        _line = new DialInLine(_storage.Sessions, new IvrPinCheck(new Pbkdf2PinVerifier(), _storage.Lockouts, new RecordingAuditTrail(), _loggerFactory.CreateLogger<IvrPinCheck>()),
            _account, _account, _storage.Time, _storage.Options, _loggerFactory.CreateLogger<DialInLine>());
    }

    public void Dispose() => _loggerFactory.Dispose();

    private IvrCall NewCall() => new("CA" + Guid.NewGuid().ToString("N"), "twilio", _account.Snapshot.AccountId, "+441134960000", "+447700900123");

    [Fact]
    public async Task A_whole_session_activates_the_plan_and_speaks_the_outcome()
    {
        var call = NewCall();

        Assert.StartsWith("Welcome", (await _line.BeginAsync(call, default)).Text, StringComparison.Ordinal);
        Assert.Contains("PIN", (await _line.ContinueAsync(call.CallId, "1234", default))!.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hello Olive.", (await _line.ContinueAsync(call.CallId, Pin, default))!.Text, StringComparison.Ordinal);
        Assert.StartsWith("Slot 2 holds plan Leeds office closed.", (await _line.ContinueAsync(call.CallId, "2", default))!.Text, StringComparison.Ordinal);
        var done = await _line.ContinueAsync(call.CallId, "1", default);

        Assert.StartsWith("Plan Leeds office closed is now active. Plan Leeds office closed is active.", done!.Text, StringComparison.Ordinal);
        Assert.Equal("leeds-closed", _account.Snapshot.PlanState.ActivePlanId);
        Assert.Equal(IvrStep.Menu, (await _storage.Sessions.GetAsync(call.CallId, default))!.Session.Step);
        Assert.All(_logs.Lines, l => Assert.DoesNotContain(Pin, l.Message, StringComparison.Ordinal));
        Assert.All(_logs.Lines, l => Assert.DoesNotContain("+447700900123", l.Message, StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Message.Contains("activate plan leeds-closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_keys_racing_the_first_applies_the_change_once()
    {
        var call = NewCall();
        await _line.BeginAsync(call, default);
        await _line.ContinueAsync(call.CallId, "1234", default);
        await _line.ContinueAsync(call.CallId, Pin, default);
        await _line.ContinueAsync(call.CallId, "2", default);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _line.ContinueAsync(call.CallId, "1", default)));

        Assert.Single(_account.Applied);
    }

    [Fact]
    public async Task A_call_whose_session_expired_has_no_session_to_continue()
    {
        var call = NewCall();
        await _line.BeginAsync(call, default);
        _storage.Time.Advance(TimeSpan.FromMinutes(16));

        Assert.Null(await _line.ContinueAsync(call.CallId, "1234", default));
    }

    [Fact]
    public async Task A_finished_session_only_says_goodbye()
    {
        var call = NewCall();
        await _line.BeginAsync(call, default);
        await _line.ContinueAsync(call.CallId, "1234", default);
        await _line.ContinueAsync(call.CallId, Pin, default);
        Assert.True((await _line.ContinueAsync(call.CallId, "#", default))!.HangsUp);

        var again = await _line.ContinueAsync(call.CallId, "0", default);

        Assert.Equal("Goodbye.", again!.Text);
        Assert.Empty(_account.Applied);
    }

    [Fact]
    public async Task A_session_left_waiting_for_a_result_resumes_with_an_apology()
    {
        var call = NewCall();
        var started = await _storage.Sessions.CreateAsync(call, new IvrSession(), default);
        await _storage.Sessions.SaveAsync(started, new IvrSession { Step = IvrStep.Applying, StaffId = "1234", Authenticated = true }, default);

        var prompt = await _line.ContinueAsync(call.CallId, "1", default);

        Assert.StartsWith("Sorry, something went wrong", prompt!.Text, StringComparison.Ordinal);
        Assert.Empty(_account.Applied);
        Assert.Equal(IvrStep.Menu, (await _storage.Sessions.GetAsync(call.CallId, default))!.Session.Step);
    }
}
