using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Core.Tests.Ivr;

public sealed class IvrSignInTests
{
    [Fact]
    public void The_greeting_asks_for_the_staff_id_ended_by_hash()
    {
        var s = new IvrScenario();

        var t = s.Start();

        Assert.Equal(IvrStep.EnterStaffId, t.Session.Step);
        Assert.Contains("staff ID, followed by the hash key", t.Prompt!.Text, StringComparison.Ordinal);
        Assert.True(t.Prompt.Gather!.FinishOnHash);
        Assert.False(t.Prompt.HangsUp);
    }

    [Theory]
    [InlineData("1234#")]
    [InlineData("1234")]
    public void A_valid_staff_id_asks_for_the_pin(string keys)
    {
        var s = new IvrScenario();
        s.Start();

        var t = s.Press(keys);

        Assert.Equal(IvrStep.EnterPin, t.Session.Step);
        Assert.Equal("1234", t.Session.StaffId);
        Assert.Contains("PIN", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pin_is_handed_to_the_verifier_and_not_kept_in_the_session()
    {
        var s = new IvrScenario();
        s.Start();
        s.Press("1234#");

        var t = s.Press(IvrScenario.Pin + "#");

        var verify = Assert.IsType<VerifyPin>(t.Action);
        Assert.Equal("1234", verify.StaffId);
        Assert.Equal(IvrScenario.Pin, verify.Pin.Reveal());
        Assert.Equal(IvrStep.VerifyingPin, t.Session.Step);
        Assert.Null(t.Prompt);
    }

    [Fact]
    public void An_accepted_pin_greets_the_operator_by_name_with_the_plan_menu()
    {
        var s = new IvrScenario();

        var t = s.SignIn(IvrScenario.OperatorId);

        Assert.Equal(IvrStep.Menu, t.Session.Step);
        Assert.True(t.Session.Authenticated);
        var text = t.Prompt!.Text;
        Assert.StartsWith("Hello Olive Operator.", text, StringComparison.Ordinal);
        Assert.Contains("No dial plan is active.", text, StringComparison.Ordinal);
        Assert.Contains("Slot 1: Leeds office closed. Slot 3: York office closed.", text, StringComparison.Ordinal);
        Assert.Contains("press 0", text, StringComparison.Ordinal);
        Assert.Equal(new IvrGather(1, false, IvrOptions.Default.MenuTimeout), t.Prompt.Gather);
    }

    [Fact]
    public void A_rejected_pin_asks_again_from_the_staff_id_and_the_third_ends_the_call()
    {
        var s = new IvrScenario();

        var first = s.SignIn(IvrScenario.OperatorId, PinCheckResult.Rejected);
        Assert.Equal(IvrStep.EnterStaffId, first.Session.Step);
        Assert.Null(first.Session.StaffId);
        Assert.False(first.Session.Authenticated);
        Assert.StartsWith("That staff ID and PIN were not recognised.", first.Prompt!.Text, StringComparison.Ordinal);

        s.SignIn(IvrScenario.OperatorId, PinCheckResult.Rejected);
        var third = s.SignIn(IvrScenario.OperatorId, PinCheckResult.Rejected);

        Assert.Equal(IvrStep.Goodbye, third.Session.Step);
        Assert.True(third.Prompt!.HangsUp);
        Assert.EndsWith("Goodbye.", third.Prompt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_locked_out_caller_is_told_and_the_call_ends()
    {
        var s = new IvrScenario();

        var t = s.SignIn(IvrScenario.OperatorId, PinCheckResult.Locked);

        Assert.Equal(IvrStep.Locked, t.Session.Step);
        Assert.True(t.Session.Step.IsFinished());
        Assert.True(t.Prompt!.HangsUp);
        Assert.Contains("locked", t.Prompt.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12#")]
    [InlineData("12345678901#")]
    [InlineData("12*4#")]
    public void An_invalid_staff_id_is_asked_again_and_the_third_ends_the_call(string keys)
    {
        var s = new IvrScenario();
        s.Start();

        var first = s.Press(keys);
        Assert.Equal(IvrStep.EnterStaffId, first.Session.Step);
        Assert.StartsWith("Sorry, that entry was not valid.", first.Prompt!.Text, StringComparison.Ordinal);
        s.Press(keys);
        var third = s.Press(keys);

        Assert.Equal(IvrStep.Goodbye, third.Session.Step);
        Assert.True(third.Prompt!.HangsUp);
    }

    [Fact]
    public void Silence_is_answered_with_nothing_received_and_counts_as_an_attempt()
    {
        var s = new IvrScenario();
        s.Start();
        s.Press("1234#");

        var t = s.Feed(DigitsEntered.None);

        Assert.Equal(IvrStep.EnterPin, t.Session.Step);
        Assert.Equal(1, t.Session.Attempts);
        Assert.StartsWith("Sorry, we did not receive an entry. Please enter your PIN", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123#")]
    [InlineData("1234567890123#")]
    public void A_pin_of_the_wrong_length_is_asked_again_without_verifying(string keys)
    {
        var s = new IvrScenario();
        s.Start();
        s.Press("1234#");

        var t = s.Press(keys);

        Assert.Null(t.Action);
        Assert.Equal(IvrStep.EnterPin, t.Session.Step);
    }

    [Fact]
    public void Withheld_callers_authenticate_like_anyone()
    {
        var s = new IvrScenario();
        s.Context = s.Context with { CallerNumber = null };

        var t = s.SignIn(IvrScenario.OperatorId);

        Assert.Equal(IvrStep.Menu, t.Session.Step);
        Assert.DoesNotContain("press 8", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_refused_loudly_while_the_pin_is_being_verified()
    {
        var s = new IvrScenario();
        s.Start();
        s.Press("1234#");
        s.Press(IvrScenario.Pin + "#");

        var ex = Assert.Throws<InvalidOperationException>(() => s.Press("1"));
        Assert.Contains("VerifyingPin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pin_result_is_refused_loudly_when_none_was_asked_for()
    {
        var s = new IvrScenario();
        s.Start();

        Assert.Throws<InvalidOperationException>(() => s.Feed(new PinChecked(PinCheckResult.Accepted)));
    }

    [Fact]
    public void Repeat_gives_the_current_prompt_and_changes_nothing()
    {
        var s = new IvrScenario();
        s.Start();
        var asked = s.Press("1234#");

        var again = s.Machine.Repeat(s.Session, s.Context);

        Assert.Equal(asked.Session, again.Session);
        Assert.Equal(asked.Prompt!.Text, again.Prompt!.Text);
    }
}
