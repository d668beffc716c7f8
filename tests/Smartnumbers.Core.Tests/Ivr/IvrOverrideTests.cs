using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Core.Tests.Ivr;

public sealed class IvrOverrideTests
{
    [Theory]
    [InlineData("1", OverrideExpiry.OneHour, "for one hour, until 15:05.")]
    [InlineData("2", OverrideExpiry.EndOfToday, "until midnight tonight.")]
    [InlineData("3", OverrideExpiry.UntilCancelled, "until you cancel it.")]
    public void Option_8_sends_the_staff_numbers_to_the_calling_phone_with_the_chosen_expiry(string key, OverrideExpiry expiry, string spokenEnd)
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.StaffId);

        var ask = s.Press("8");
        Assert.Equal(IvrStep.ChooseOverrideExpiry, ask.Session.Step);
        Assert.StartsWith("Calls to your number will ring the phone you are calling from. For one hour, press 1.", ask.Prompt!.Text, StringComparison.Ordinal);

        var request = s.Press(key);
        var set = Assert.IsType<SetOverride>(request.Action);
        Assert.Equal([IvrScenario.StaffNumber], set.Numbers);
        Assert.Equal(IvrScenario.Caller, set.Destination);
        Assert.Equal(expiry, set.Expiry);
        Assert.Equal(OverrideExpiries.ExpiresAt(expiry, IvrScenario.Now, OverrideExpiries.Zone("Europe/London")), set.ExpiresAt);

        var done = s.Complete();
        Assert.StartsWith("Calls to your number now ring the phone you are calling from " + spokenEnd, done.Prompt!.Text, StringComparison.Ordinal);
        Assert.Equal(IvrStep.Menu, done.Session.Step);
    }

    [Fact]
    public void A_withheld_caller_cannot_use_option_8()
    {
        var s = new IvrScenario();
        s.Context = s.Context with { CallerNumber = null };
        var menu = s.SignIn(IvrScenario.StaffId);
        Assert.DoesNotContain("press 8", menu.Prompt!.Text, StringComparison.Ordinal);

        var t = s.Press("8");

        Assert.Null(t.Action);
        Assert.Equal(IvrStep.Menu, t.Session.Step);
        Assert.StartsWith("You are calling from a withheld or unrecognised number", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expiry_chosen_after_the_number_became_unusable_changes_nothing()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.StaffId);
        s.Press("8");
        s.Context = s.Context with { CallerNumber = null };

        var t = s.Press("1");

        Assert.Null(t.Action);
        Assert.Equal(IvrStep.Menu, t.Session.Step);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("9")]
    public void Staff_without_numbers_are_told_there_is_nothing_to_override(string key)
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.NoNumbersStaffId);

        var t = s.Press(key);

        Assert.Null(t.Action);
        Assert.StartsWith("You have no numbers", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Operators_may_set_an_override_too()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);
        s.Press("8");

        var t = s.Press("3");

        var set = Assert.IsType<SetOverride>(t.Action);
        Assert.Equal([IvrScenario.OperatorNumber], set.Numbers);
        Assert.Null(set.ExpiresAt);
    }

    [Theory]
    [InlineData(IvrActionOutcome.Applied, "Your override is cancelled.")]
    [InlineData(IvrActionOutcome.NoChange, "You had no override to cancel.")]
    public void Option_9_cancels_the_override_and_says_so(IvrActionOutcome outcome, string expected)
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.StaffId);

        var request = s.Press("9");
        var cancel = Assert.IsType<CancelOverride>(request.Action);
        Assert.Equal([IvrScenario.StaffNumber], cancel.Numbers);
        var t = s.Complete(outcome);

        Assert.StartsWith(expected, t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_expiry_key_is_asked_again()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.StaffId);
        s.Press("8");

        var t = s.Press("7");

        Assert.Equal(IvrStep.ChooseOverrideExpiry, t.Session.Step);
        Assert.StartsWith("Sorry, that entry was not valid. Calls to your number", t.Prompt!.Text, StringComparison.Ordinal);
    }
}
