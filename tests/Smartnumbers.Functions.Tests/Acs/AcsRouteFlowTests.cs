using Smartnumbers.Functions.Acs.Calls;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>The route flow's pure transitions.</summary>
public sealed class AcsRouteFlowTests
{
    private static AcsCallState State(AcsCallPlan plan) => new() { CallId = "c", Secret = "s", Plan = plan, CallConnectionId = "conn" };

    private static AcsCallbackEvent Event(string name, string? context = null) =>
        new(Guid.NewGuid().ToString(), name, "conn", context, 200, 0, null, default);

    private static readonly AcsCallPlan TwoDestinations = new() { Steps = [new AcsRingStep(["+441", "+442"], 20), new AcsRingStep(["+443"], 30)] };

    [Fact]
    public void Connected_without_announcement_invites_every_destination_of_the_first_step()
    {
        var (state, actions) = AcsRouteFlow.Apply(State(TwoDestinations), Event("CallConnected"));

        Assert.Equal(AcsCallPhase.Ringing, state.Phase);
        Assert.Equal(["+441", "+442"], actions.Cast<AcsCallAction.AddParticipant>().Select(a => a.Destination));
    }

    [Fact]
    public void A_step_fails_over_only_when_every_destination_failed()
    {
        var (s, _) = AcsRouteFlow.Apply(State(TwoDestinations), Event("CallConnected"));
        (s, var first) = AcsRouteFlow.Apply(s, Event("AddParticipantFailed", "step:0:0"));
        Assert.Empty(first);
        Assert.Equal(0, s.Step);

        (s, var second) = AcsRouteFlow.Apply(s, Event("AddParticipantFailed", "step:0:1"));

        Assert.Equal(1, s.Step);
        Assert.Equal("+443", Assert.IsType<AcsCallAction.AddParticipant>(Assert.Single(second)).Destination);
    }

    [Fact]
    public void When_one_destination_answers_the_others_pending_invitations_are_cancelled()
    {
        var (s, _) = AcsRouteFlow.Apply(State(TwoDestinations), Event("CallConnected"));
        (s, _) = AcsRouteFlow.Apply(s, Event("AddParticipantFailed", "step:0:0") with { Name = AcsCallbackEvent.InvitationSent, ResultMessage = "inv-0" });
        (s, _) = AcsRouteFlow.Apply(s, Event(AcsCallbackEvent.InvitationSent, "step:0:1") with { ResultMessage = "inv-1" });

        var (connected, actions) = AcsRouteFlow.Apply(s, Event("AddParticipantSucceeded", "step:0:0"));

        Assert.Equal(AcsCallPhase.Connected, connected.Phase);
        Assert.Equal("+441", connected.ConnectedTo);
        Assert.Equal("inv-1", Assert.IsType<AcsCallAction.CancelAddParticipant>(Assert.Single(actions)).InvitationId);
    }

    [Fact]
    public void A_late_failure_of_an_earlier_step_changes_nothing()
    {
        var (s, _) = AcsRouteFlow.Apply(State(TwoDestinations), Event("CallConnected"));
        (s, _) = AcsRouteFlow.Apply(s, Event("AddParticipantFailed", "step:0:0"));
        (s, _) = AcsRouteFlow.Apply(s, Event("AddParticipantFailed", "step:0:1"));

        var (after, actions) = AcsRouteFlow.Apply(s, Event("AddParticipantFailed", "step:0:1"));

        Assert.Equal(s, after);
        Assert.Empty(actions);
    }

    [Fact]
    public void Announcement_only_plan_plays_then_hangs_up()
    {
        var (s, play) = AcsRouteFlow.Apply(State(new AcsCallPlan { Announcement = "Goodbye." }), Event("CallConnected"));
        Assert.Equal("Goodbye.", Assert.IsType<AcsCallAction.Play>(Assert.Single(play)).Text);

        var (ended, actions) = AcsRouteFlow.Apply(s, Event("PlayCompleted", AcsRouteFlow.Announce));

        Assert.Equal(AcsCallPhase.Ended, ended.Phase);
        Assert.IsType<AcsCallAction.HangUp>(Assert.Single(actions));
    }

    [Fact]
    public void Nothing_happens_after_the_call_ended()
    {
        var ended = State(TwoDestinations) with { Phase = AcsCallPhase.Ended };

        var (after, actions) = AcsRouteFlow.Apply(ended, Event("CallConnected"));

        Assert.Equal(ended, after);
        Assert.Empty(actions);
    }
}
