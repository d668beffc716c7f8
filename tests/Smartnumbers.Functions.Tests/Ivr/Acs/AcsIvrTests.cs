using System.Net;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Ivr.Acs;

/// <summary>
/// The dial-in line on ACS end to end: IncomingCall to the control line → answer → :recognize prompts → signed
/// RecognizeCompleted callbacks → plan activated (audited, channel ivr) → the next normal call routed by that plan.
/// </summary>
[Collection(AcsDecisionCollection.Name)]
public sealed class AcsIvrTests(AcsDecisionAppFactory factory)
{
    private const string Pin = IvrAccountSeed.Pin;

    private Task<IvrAccountSeed> NewAccountAsync() => new IvrAccountSeed(factory.Services).CreateAsync();

    [Fact]
    public async Task A_dial_in_session_on_acs_activates_a_plan_that_then_routes_the_next_call()
    {
        var seed = await NewAccountAsync();
        var call = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine);

        Assert.StartsWith("Welcome to the Smartnumbers control line.", call.Spoken, StringComparison.Ordinal);
        var recognize = call.Last.Json!;
        Assert.Equal($"/calling/callConnections/{call.ConnectionId}:recognize", call.Last.Path);
        Assert.Equal("dtmf", recognize["recognizeInputType"]!.GetValue<string>());
        Assert.Equal("+447700900123", recognize["recognizeOptions"]!["targetParticipant"]!["phoneNumber"]!["value"]!.GetValue<string>());
        Assert.Equal("pound", recognize["recognizeOptions"]!["dtmfOptions"]!["stopTones"]![0]!.GetValue<string>());
        Assert.Contains("PIN", await call.Press(IvrAccountSeed.OperatorId), StringComparison.Ordinal);
        Assert.StartsWith("Hello Olive. No dial plan is active. Slot 2: Leeds office closed.", await call.Press(Pin), StringComparison.Ordinal);
        Assert.Equal(1, call.Last.Json!["recognizeOptions"]!["dtmfOptions"]!["maxTonesToCollect"]!.GetValue<int>());
        Assert.Null(call.Last.Json!["recognizeOptions"]!["dtmfOptions"]!["stopTones"]);
        Assert.StartsWith("Slot 2 holds plan Leeds office closed.", await call.Press("2", pound: false), StringComparison.Ordinal);

        Assert.StartsWith("Plan Leeds office closed is now active.", await call.Press("1", pound: false), StringComparison.Ordinal);

        Assert.True(call.Recognizes);
        Assert.Contains(await seed.AuditAsync(), a => a == ("activate", "plans/leeds-closed", "ivr", IvrAccountSeed.OperatorId));
        var client = new AcsTestClient(factory);
        var (response, context) = await client.IncomingCallAsync(seed.NormalNumber, "+447700900999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redirect = Assert.Single(client.RequestsFor(context));
        Assert.Equal("/calling/callConnections:redirect", redirect.Path);
        Assert.Equal(seed.PlanDesk, redirect.Json!["target"]!["phoneNumber"]!["value"]!.GetValue<string>());
        Assert.Equal(IvrAccountSeed.PlanId, (await seed.SnapshotAsync()).PlanState.ActivePlanId);
    }

    [Fact]
    public async Task A_wrong_pin_on_acs_is_not_recognised_and_the_staff_id_is_asked_again()
    {
        var seed = await NewAccountAsync();
        var call = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine);

        var spoken = await call.SignIn(IvrAccountSeed.OperatorId, "000000");

        Assert.Equal("That staff ID and PIN were not recognised. Please enter your staff ID, followed by the hash key.", spoken);
        Assert.True(call.Recognizes);
        Assert.Null((await seed.SnapshotAsync()).PlanState.ActivePlanId);
    }

    [Fact]
    public async Task Wrong_pins_on_acs_lock_the_caller_out_play_the_message_and_hang_up()
    {
        var seed = await NewAccountAsync();
        var caller = "+447700900" + Random.Shared.Next(100, 999);
        var first = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine, caller);
        await first.SignIn(IvrAccountSeed.OperatorId, "000001");
        await first.SignIn(IvrAccountSeed.StaffId, "000002");
        Assert.EndsWith("Goodbye.", await first.SignIn(IvrAccountSeed.OperatorId, "000003"), StringComparison.Ordinal);
        Assert.Equal("play", first.Last.Operation);
        Assert.False(first.HungUp);
        await first.PlayCompleted();
        Assert.True(first.HungUp);

        var second = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine, caller);
        await second.SignIn(IvrAccountSeed.StaffId, "000004");
        var locked = await second.SignIn(IvrAccountSeed.OperatorId, "000005");

        Assert.Contains("This line is locked for now", locked, StringComparison.Ordinal);
        var third = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine, caller);
        Assert.Contains("locked", await third.SignIn(IvrAccountSeed.OperatorId, Pin), StringComparison.Ordinal);
        Assert.Equal("play", third.Last.Operation);
        Assert.Contains(await seed.AuditAsync(), a => a.Action == "ivr:lockout" && a.Resource == "callers/…" + caller[^3..] && a.Channel == "ivr");
    }

    [Fact]
    public async Task A_slot_without_a_plan_is_announced_on_acs()
    {
        var seed = await NewAccountAsync();
        var call = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine);
        await call.SignIn(IvrAccountSeed.OperatorId, Pin);

        Assert.StartsWith("There is no plan loaded in slot 4.", await call.Press("4", pound: false), StringComparison.Ordinal);
        Assert.True(call.Recognizes);
    }

    [Fact]
    public async Task A_withheld_caller_on_acs_may_sign_in_but_not_use_option_8()
    {
        var seed = await NewAccountAsync();
        var call = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine, from: null);

        Assert.StartsWith("Hello Sam.", await call.SignIn(IvrAccountSeed.StaffId, "111111"), StringComparison.Ordinal);
        Assert.StartsWith("You are calling from a withheld or unrecognised number", await call.Press("8", pound: false), StringComparison.Ordinal);

        Assert.Empty((await seed.SnapshotAsync()).Overrides);
    }

    [Fact]
    public async Task Silence_on_acs_is_the_machines_no_input_and_the_prompt_is_recognized_again()
    {
        var seed = await NewAccountAsync();
        var call = await AcsIvrCall.ConnectAsync(factory, seed.ControlLine);
        var greeting = call.Spoken;

        var afterSilence = await call.Silence();

        Assert.True(call.Recognizes);
        Assert.Contains("staff ID", afterSilence, StringComparison.Ordinal);
        Assert.Equal(2, call.MidCall.Count(r => r.Operation == "recognize"));
        Assert.NotEmpty(greeting);
    }
}
