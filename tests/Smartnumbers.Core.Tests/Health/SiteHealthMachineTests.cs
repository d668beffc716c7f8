using Smartnumbers.Core.Health;

namespace Smartnumbers.Core.Tests.Health;

public sealed class SiteHealthMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly RoundVerdict Bad = new(false, "sip: timeout");
    private static readonly RoundVerdict Good = new(true, "2 of 2 probes healthy");

    private static SiteTransition Feed(SiteHealthState state, RoundVerdict verdict, int round, int downAfter = 3, int upAfter = 2, string? plan = null) =>
        SiteHealthMachine.Observe(state, verdict, downAfter, upAfter, plan, T0.AddSeconds(30 * round));

    private static SiteHealthState Run(SiteHealthState state, IEnumerable<RoundVerdict> rounds, List<SiteHealthEvent> events, string? plan = null, int start = 0)
    {
        var i = start;
        foreach (var r in rounds)
        {
            var t = Feed(state, r, i++, plan: plan);
            events.AddRange(t.Events);
            state = t.State;
        }

        return state;
    }

    [Fact]
    public void Site_goes_down_only_after_downAfter_consecutive_failures()
    {
        var events = new List<SiteHealthEvent>();
        var state = Run(SiteHealthState.Initial, [Bad, Bad], events);
        Assert.Equal(SiteHealthStatus.Up, state.Status);
        Assert.Empty(events);

        var t = Feed(state, Bad, 2);

        Assert.Equal(SiteHealthStatus.Down, t.State.Status);
        var down = Assert.IsType<SiteWentDown>(Assert.Single(t.Events));
        Assert.Equal(T0.AddSeconds(60), down.At);
        Assert.Equal(3, down.ConsecutiveFailures);
        Assert.Equal(1, down.Transition);
        Assert.Equal(T0.AddSeconds(60), t.State.Since);
    }

    [Fact]
    public void A_healthy_round_resets_the_failure_count()
    {
        var events = new List<SiteHealthEvent>();
        var state = Run(SiteHealthState.Initial, [Bad, Bad, Good, Bad, Bad], events);

        Assert.Equal(SiteHealthStatus.Up, state.Status);
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Empty(events);
    }

    [Fact]
    public void Down_site_comes_back_after_upAfter_consecutive_successes_and_says_since_when_it_was_down()
    {
        var events = new List<SiteHealthEvent>();
        var state = Run(SiteHealthState.Initial, [Bad, Bad, Bad, Good, Bad, Good], events);
        Assert.Equal(SiteHealthStatus.Down, state.Status);

        state = Run(state, [Good], events, start: 6);

        Assert.Equal(SiteHealthStatus.Up, state.Status);
        var restored = Assert.IsType<SiteRestored>(events[^1]);
        Assert.Equal(FailbackOutcome.NoFailover, restored.Failback);
        Assert.Equal(T0.AddSeconds(60), restored.DownSince);
        Assert.Equal(2, restored.Transition);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Going_down_with_a_failover_plan_leaves_the_failover_pending_until_recorded()
    {
        var events = new List<SiteHealthEvent>();
        var state = Run(SiteHealthState.Initial, [Bad, Bad, Bad], events, plan: "leeds-closed");

        Assert.True(state.FailoverPending);
        Assert.Equal("leeds-closed", Assert.IsType<SiteWentDown>(Assert.Single(events)).FailoverPlan);

        state = SiteHealthMachine.PrepareFailover(state, "weekend", "etag-1").State;
        Assert.True(state.FailoverPending);
        var t = SiteHealthMachine.CompleteFailover(state, "etag-2", T0.AddSeconds(91));

        Assert.False(t.State.FailoverPending);
        Assert.Equal(new FailoverRecord("leeds-closed", true, "weekend", "etag-2", "etag-1"), t.State.Failover);
        Assert.Equal(new FailoverActivated(T0.AddSeconds(91), 1, "leeds-closed", "weekend"), Assert.Single(t.Events));
    }

    [Fact]
    public void Recovery_after_an_activated_failover_defers_the_restored_event_to_the_failback()
    {
        var events = new List<SiteHealthEvent>();
        var state = Run(SiteHealthState.Initial, [Bad, Bad, Bad], events, plan: "leeds-closed");
        state = SiteHealthMachine.PrepareFailover(state, null, "v0").State;
        state = SiteHealthMachine.CompleteFailover(state, "v1", T0.AddSeconds(61)).State;

        state = Run(state, [Good, Good], events, plan: "leeds-closed", start: 3);

        Assert.Equal(SiteHealthStatus.Up, state.Status);
        Assert.True(state.FailbackPending);
        Assert.Single(events);

        var t = SiteHealthMachine.CompleteFailback(state, FailbackOutcome.LeftManualChange, null, T0.AddSeconds(200));

        Assert.Null(t.State.Failover);
        var restored = Assert.IsType<SiteRestored>(Assert.Single(t.Events));
        Assert.Equal(FailbackOutcome.LeftManualChange, restored.Failback);
        Assert.Equal("leeds-closed", restored.FailoverPlan);
        Assert.Equal(T0.AddSeconds(60), restored.DownSince);
    }

    [Fact]
    public void The_failover_plan_is_never_recorded_as_the_plan_to_restore_and_is_recorded_active_only_once_prepared()
    {
        var state = Run(SiteHealthState.Initial, [Bad, Bad, Bad], [], plan: "leeds-closed");

        Assert.Throws<ArgumentException>(() => SiteHealthMachine.PrepareFailover(state, "leeds-closed", "v1"));
        Assert.Throws<InvalidOperationException>(() => SiteHealthMachine.CompleteFailover(state, "v2", T0.AddSeconds(61)));
    }

    [Fact]
    public void Recovery_with_a_prepared_but_unrecorded_failover_leaves_the_failback_to_decide()
    {
        var events = new List<SiteHealthEvent>();
        var state = Run(SiteHealthState.Initial, [Bad, Bad, Bad], events, plan: "leeds-closed");
        state = SiteHealthMachine.PrepareFailover(state, "weekend", "v0").State;

        state = Run(state, [Good, Good], events, plan: "leeds-closed", start: 3);

        Assert.True(state.FailbackPending);
        Assert.Single(events);
        var nothingSwitched = SiteHealthMachine.CompleteFailback(state, FailbackOutcome.NoFailover, null, T0.AddSeconds(200));
        Assert.Null(nothingSwitched.State.Failover);
        Assert.Equal(FailbackOutcome.NoFailover, Assert.IsType<SiteRestored>(Assert.Single(nothingSwitched.Events)).Failback);
        var handedBack = SiteHealthMachine.CompleteFailback(state, FailbackOutcome.Restored, "weekend", T0.AddSeconds(200));
        Assert.Equal("weekend", Assert.IsType<SiteRestored>(Assert.Single(handedBack.Events)).RestoredPlanId);
    }

    [Fact]
    public void Recovery_before_the_failover_was_activated_drops_it()
    {
        var events = new List<SiteHealthEvent>();
        var state = Run(SiteHealthState.Initial, [Bad, Bad, Bad, Good, Good], events, plan: "leeds-closed");

        Assert.Equal(SiteHealthStatus.Up, state.Status);
        Assert.Null(state.Failover);
        Assert.Equal(FailbackOutcome.NoFailover, Assert.IsType<SiteRestored>(events[^1]).Failback);
    }

    [Fact]
    public void Illegal_transitions_are_refused_loudly()
    {
        var up = SiteHealthState.Initial;
        Assert.Throws<InvalidOperationException>(() => SiteHealthMachine.PrepareFailover(up, null, "v"));
        Assert.Throws<InvalidOperationException>(() => SiteHealthMachine.CompleteFailover(up, "v", T0));
        Assert.Throws<InvalidOperationException>(() => SiteHealthMachine.CompleteFailback(up, FailbackOutcome.Restored, null, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteHealthMachine.Observe(up, Bad, 0, 2, null, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteHealthMachine.Observe(up, Bad, 3, 11, null, T0));

        var later = SiteHealthMachine.Observe(up, Bad, 3, 2, null, T0.AddMinutes(1)).State;
        Assert.Throws<InvalidOperationException>(() => SiteHealthMachine.Observe(later, Good, 3, 2, null, T0));
    }

    [Fact]
    public void DownAfter_one_and_upAfter_one_flip_on_each_round()
    {
        var t1 = SiteHealthMachine.Observe(SiteHealthState.Initial, Bad, 1, 1, null, T0);
        var t2 = SiteHealthMachine.Observe(t1.State, Good, 1, 1, null, T0.AddSeconds(30));

        Assert.Equal(SiteHealthStatus.Down, t1.State.Status);
        Assert.Equal(SiteHealthStatus.Up, t2.State.Status);
        Assert.Equal(2, t2.State.Transitions);
    }
}
