using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Core.Tests.Ivr;

public sealed class IvrMenuTests
{
    [Fact]
    public void Choosing_a_loaded_slot_speaks_the_plan_name_and_1_requests_its_activation()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);

        var confirm = s.Press("1");
        Assert.Equal(IvrStep.ConfirmPlan, confirm.Session.Step);
        Assert.StartsWith("Slot 1 holds plan Leeds office closed. To activate it, press 1.", confirm.Prompt!.Text, StringComparison.Ordinal);

        var request = s.Press("1");
        var activate = Assert.IsType<ActivatePlan>(request.Action);
        Assert.Equal((1, "leeds-closed", "Leeds office closed", IvrScenario.OperatorId), (activate.Slot, activate.PlanId, activate.PlanName, activate.StaffId));
        Assert.Equal(IvrStep.Applying, request.Session.Step);
    }

    [Fact]
    public void The_outcome_of_an_activation_is_spoken_and_the_menu_follows()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);
        s.Press("3");
        s.Press("1");
        s.Context = s.Context with { Account = IvrScenario.Account(activePlan: "york-closed") };

        var t = s.Complete();

        Assert.Equal(IvrStep.Menu, t.Session.Step);
        Assert.StartsWith("Plan York office closed is now active. Plan York office closed is active.", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IvrActionOutcome.NoChange, "Plan Leeds office closed is already active.")]
    [InlineData(IvrActionOutcome.Stale, "Plan Leeds office closed is no longer loaded in slot 1, and nothing was changed.")]
    [InlineData(IvrActionOutcome.Failed, "Sorry, the change could not be made, and nothing was changed.")]
    public void Every_outcome_of_an_activation_is_spoken(IvrActionOutcome outcome, string expected)
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);
        s.Press("1");
        s.Press("1");

        var t = s.Complete(outcome);

        Assert.StartsWith(expected, t.Prompt!.Text, StringComparison.Ordinal);
        Assert.Equal(IvrStep.Menu, t.Session.Step);
    }

    [Fact]
    public void A_slot_without_a_plan_is_announced_and_the_menu_follows()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);

        var t = s.Press("4");

        Assert.Equal(IvrStep.Menu, t.Session.Step);
        Assert.Null(t.Action);
        Assert.StartsWith("There is no plan loaded in slot 4. Plan", t.Prompt!.Text.Replace("No dial plan", "Plan", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, t.Session.Attempts);
    }

    [Fact]
    public void The_active_plan_is_not_offered_again()
    {
        var s = new IvrScenario { Context = new IvrContext(IvrScenario.Account(activePlan: "leeds-closed"), IvrScenario.Caller, IvrScenario.Now) };
        s.SignIn(IvrScenario.OperatorId);

        var t = s.Press("1");

        Assert.Equal(IvrStep.Menu, t.Session.Step);
        Assert.StartsWith("Plan Leeds office closed is already active.", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirming_after_the_slot_was_changed_by_someone_else_changes_nothing()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);
        s.Press("1");
        var changed = IvrScenario.Account() with
        {
            PlanState = new DialPlanState { LoadedSlots = new Dictionary<int, string> { [1] = "york-closed" } },
        };
        s.Context = s.Context with { Account = changed };

        var t = s.Press("1");

        Assert.Null(t.Action);
        Assert.StartsWith("The loaded plans have changed, and nothing was changed.", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Star_at_the_confirmation_returns_to_the_menu_without_a_request()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);
        s.Press("1");

        var t = s.Press("*");

        Assert.Null(t.Action);
        Assert.Equal(IvrStep.Menu, t.Session.Step);
        Assert.Null(t.Session.Slot);
    }

    [Theory]
    [InlineData(IvrActionOutcome.Applied, "Dial plans are now inactive. Calls follow their normal routes.")]
    [InlineData(IvrActionOutcome.NoChange, "No dial plan was active. Calls follow their normal routes.")]
    public void Zero_deactivates_and_the_outcome_is_spoken(IvrActionOutcome outcome, string expected)
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);

        var request = s.Press("0");
        Assert.IsType<DeactivatePlans>(request.Action);
        var t = s.Complete(outcome);

        Assert.StartsWith(expected, t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("0")]
    public void Staff_without_the_operator_role_may_not_use_the_plan_options(string key)
    {
        var s = new IvrScenario();
        var menu = s.SignIn(IvrScenario.StaffId);
        Assert.DoesNotContain("slot", menu.Prompt!.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("press 8", menu.Prompt.Text, StringComparison.Ordinal);

        var t = s.Press(key);

        Assert.Null(t.Action);
        Assert.StartsWith("Sorry, that option is not permitted for you.", t.Prompt!.Text, StringComparison.Ordinal);
        Assert.Equal(IvrStep.Menu, t.Session.Step);
    }

    [Fact]
    public void Star_repeats_the_menu()
    {
        var s = new IvrScenario();
        var menu = s.SignIn(IvrScenario.OperatorId);

        var t = s.Press("*");

        Assert.EndsWith(menu.Prompt!.Text["Hello Olive Operator. ".Length..], t.Prompt!.Text, StringComparison.Ordinal);
        Assert.Equal(0, t.Session.Attempts);
    }

    [Fact]
    public void Hash_ends_the_call()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);

        var t = s.Press("#");

        Assert.Equal(IvrStep.Done, t.Session.Step);
        Assert.Equal("Goodbye.", t.Prompt!.Text);
        Assert.True(t.Prompt.HangsUp);
    }

    [Fact]
    public void Three_invalid_menu_keys_end_the_call()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);

        Assert.StartsWith("Sorry, that entry was not valid.", s.Press("7").Prompt!.Text, StringComparison.Ordinal);
        s.Feed(DigitsEntered.None);
        var t = s.Press("6");

        Assert.Equal(IvrStep.Goodbye, t.Session.Step);
        Assert.True(t.Prompt!.HangsUp);
    }

    [Fact]
    public void A_staff_record_deleted_during_the_call_ends_it()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);
        s.Context = s.Context with { Account = IvrScenario.Account() with { Staff = new Dictionary<string, StaffMember>() } };

        var t = s.Press("1");

        Assert.Equal(IvrStep.Goodbye, t.Session.Step);
        Assert.StartsWith("Sorry, your access to this line has been removed.", t.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_result_is_refused_loudly_when_no_request_is_out()
    {
        var s = new IvrScenario();
        s.SignIn(IvrScenario.OperatorId);

        Assert.Throws<InvalidOperationException>(() => s.Feed(new ActionCompleted(new DeactivatePlans { StaffId = "1234" }, IvrActionOutcome.Applied)));
    }
}
