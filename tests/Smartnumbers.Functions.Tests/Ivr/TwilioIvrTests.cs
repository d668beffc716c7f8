using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Ivr;

[Collection(AppCollection.Name)]
public sealed class TwilioIvrTests(SmartnumbersAppFactory factory)
{
    private const string Pin = IvrAccountSeed.Pin;

    private async Task<(IvrAccountSeed Seed, HttpClient Client)> NewAccountAsync()
    {
        var client = factory.CreateClient();
        return (await new IvrAccountSeed(factory.Services).CreateAsync(), client);
    }

    [Fact]
    public async Task A_dial_in_session_activates_a_loaded_plan_speaks_it_and_audits_it_with_channel_ivr()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine);

        Assert.StartsWith("Welcome to the Smartnumbers control line.", await call.Press(null), StringComparison.Ordinal);
        var gather = call.Last.Descendants("Gather").Single();
        Assert.Equal(("dtmf", "#", "/api/twilio/ivr", "POST", "true"),
            ((string?)gather.Attribute("input"), (string?)gather.Attribute("finishOnKey"), (string?)gather.Attribute("action"), (string?)gather.Attribute("method"), (string?)gather.Attribute("actionOnEmptyResult")));
        Assert.Contains("PIN", await call.Press(IvrAccountSeed.OperatorId), StringComparison.Ordinal);
        Assert.StartsWith("Hello Olive. No dial plan is active. Slot 2: Leeds office closed.", await call.Press(Pin), StringComparison.Ordinal);
        Assert.Equal("1", (string?)call.Last.Descendants("Gather").Single().Attribute("numDigits"));
        Assert.StartsWith("Slot 2 holds plan Leeds office closed.", await call.Press("2"), StringComparison.Ordinal);

        Assert.StartsWith("Plan Leeds office closed is now active.", await call.Press("1"), StringComparison.Ordinal);

        Assert.Equal(IvrAccountSeed.PlanId, (await seed.SnapshotAsync()).PlanState.ActivePlanId);
        Assert.Contains(await seed.AuditAsync(), a => a == ("activate", "plans/leeds-closed", "ivr", IvrAccountSeed.OperatorId));
        Assert.True(call.Gathers);
    }

    [Fact]
    public async Task Deactivating_from_the_line_returns_to_normal_routing()
    {
        var (seed, client) = await NewAccountAsync();
        await seed.LoadAsync(new Dictionary<int, string> { [2] = IvrAccountSeed.PlanId }, active: IvrAccountSeed.PlanId);
        var call = new TwilioIvrCall(client, seed.ControlLine);
        Assert.Contains("Plan Leeds office closed is active.", await call.SignIn(IvrAccountSeed.OperatorId, Pin), StringComparison.Ordinal);

        Assert.StartsWith("Dial plans are now inactive.", await call.Press("0"), StringComparison.Ordinal);

        Assert.Null((await seed.SnapshotAsync()).PlanState.ActivePlanId);
    }

    [Fact]
    public async Task A_wrong_pin_is_not_recognised_and_the_staff_id_is_asked_again()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine);

        var spoken = await call.SignIn(IvrAccountSeed.OperatorId, "000000");

        Assert.Equal("That staff ID and PIN were not recognised. Please enter your staff ID, followed by the hash key.", spoken);
        Assert.True(call.Gathers);
    }

    [Fact]
    public async Task Five_wrong_pins_lock_the_caller_out_across_calls_and_are_audited()
    {
        var (seed, client) = await NewAccountAsync();
        var caller = "+447700900" + Random.Shared.Next(100, 999);
        var first = new TwilioIvrCall(client, seed.ControlLine, caller);
        await first.SignIn(IvrAccountSeed.OperatorId, "000001");
        await first.Press(IvrAccountSeed.StaffId);
        await first.Press("000002");
        await first.Press(IvrAccountSeed.OperatorId);
        Assert.EndsWith("Goodbye.", await first.Press("000003"), StringComparison.Ordinal);
        Assert.True(first.HangsUp);

        var second = new TwilioIvrCall(client, seed.ControlLine, caller);
        await second.SignIn(IvrAccountSeed.StaffId, "000004");
        var locked = await second.Press(IvrAccountSeed.OperatorId) + await second.Press("000005");

        Assert.Contains("This line is locked for now", locked, StringComparison.Ordinal);
        Assert.True(second.HangsUp);
        var third = new TwilioIvrCall(client, seed.ControlLine, caller);
        Assert.Contains("locked", await third.SignIn(IvrAccountSeed.OperatorId, Pin), StringComparison.Ordinal);
        Assert.Contains(await seed.AuditAsync(), a => a.Action == "ivr:lockout" && a.Resource == "callers/…" + caller[^3..] && a.Channel == "ivr");
    }

    [Fact]
    public async Task A_slot_without_a_plan_is_announced()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine);
        await call.SignIn(IvrAccountSeed.OperatorId, Pin);

        Assert.StartsWith("There is no plan loaded in slot 4.", await call.Press("4"), StringComparison.Ordinal);
        Assert.True(call.Gathers);
    }

    [Fact]
    public async Task A_withheld_caller_may_sign_in_but_not_use_option_8()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine, from: "anonymous");

        Assert.StartsWith("Hello Sam.", await call.SignIn(IvrAccountSeed.StaffId, "111111"), StringComparison.Ordinal);
        Assert.StartsWith("You are calling from a withheld or unrecognised number", await call.Press("8"), StringComparison.Ordinal);

        Assert.Empty((await seed.SnapshotAsync()).Overrides);
    }

    [Fact]
    public async Task Option_8_sends_the_staff_number_to_the_calling_phone_and_9_cancels_it()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine, from: "+447700900321");
        await call.SignIn(IvrAccountSeed.StaffId, "111111");
        await call.Press("8");

        Assert.StartsWith("Calls to your number now ring the phone you are calling from until you cancel it.", await call.Press("3"), StringComparison.Ordinal);
        var set = (await seed.SnapshotAsync()).Overrides[seed.StaffNumber];
        Assert.Equal(["+447700900321"], set.Destinations);
        Assert.Equal(IvrAccountSeed.StaffId, set.SetBy);
        Assert.Null(set.ExpiresAt);

        Assert.StartsWith("Your override is cancelled.", await call.Press("9"), StringComparison.Ordinal);
        Assert.Empty((await seed.SnapshotAsync()).Overrides);
    }

    [Fact]
    public async Task A_plan_changed_through_the_api_during_the_session_is_not_activated_by_a_stale_choice()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine);
        await call.SignIn(IvrAccountSeed.OperatorId, Pin);
        await call.Press("2");

        // Meanwhile an operator on the admin API puts another plan in slot 2 and activates it.
        await seed.LoadAsync(new Dictionary<int, string> { [2] = IvrAccountSeed.OtherPlanId }, active: IvrAccountSeed.OtherPlanId);

        Assert.StartsWith("The loaded plans have changed, and nothing was changed. Plan York office closed is active.", await call.Press("1"), StringComparison.Ordinal);
        Assert.Equal(IvrAccountSeed.OtherPlanId, (await seed.SnapshotAsync()).PlanState.ActivePlanId);
    }

    [Fact]
    public async Task Staff_may_not_activate_plans()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine);
        await call.SignIn(IvrAccountSeed.StaffId, "111111");

        Assert.StartsWith("Sorry, that option is not permitted for you.", await call.Press("2"), StringComparison.Ordinal);
        Assert.Null((await seed.SnapshotAsync()).PlanState.ActivePlanId);
    }

    [Fact]
    public async Task A_number_that_is_not_a_control_line_gets_no_session()
    {
        var (seed, client) = await NewAccountAsync();
        var call = new TwilioIvrCall(client, seed.NormalNumber);

        Assert.StartsWith("Sorry, this session has ended.", await call.Press(null), StringComparison.Ordinal);
        Assert.True(call.HangsUp);
    }

    [Fact]
    public async Task An_unsigned_gather_post_is_refused_and_changes_nothing()
    {
        var (seed, client) = await NewAccountAsync();
        var form = TwilioWebhook.CallForm(TwilioWebhook.NewCallSid(), to: seed.ControlLine);
        form["Digits"] = "1";

        using var response = await client.SendAsync(TwilioWebhook.Post("/api/twilio/ivr", form, sign: false));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_pin_never_reaches_the_log_or_the_audit_trail()
    {
        var sink = new LogSink();
        using var own = new SmartnumbersAppFactory();
        own.Settings["CallRecords:SpillFolder"] = Path.Combine(Path.GetTempPath(), "smartnumbers-ivr-test", Guid.NewGuid().ToString("N"));
        own.ConfigureTestServices.Add(s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(sink));
        using var client = own.CreateClient();
        var seed = await new IvrAccountSeed(own.Services).CreateAsync();
        var call = new TwilioIvrCall(client, seed.ControlLine);
        await call.SignIn(IvrAccountSeed.OperatorId, "917364");
        await call.Press(IvrAccountSeed.OperatorId);
        await call.Press(Pin);
        await call.Press("2");
        await call.Press("1");

        Assert.Contains(sink.Lines, l => l.Message.Contains("PIN check for staff 1234", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Message.Contains("917364", StringComparison.Ordinal) || l.Message.Contains(Pin, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Information && l.Message.Contains("+447700900123", StringComparison.Ordinal));
        Assert.DoesNotContain(await seed.AuditAsync(), a => a.Resource.Contains(Pin, StringComparison.Ordinal));
    }
}
