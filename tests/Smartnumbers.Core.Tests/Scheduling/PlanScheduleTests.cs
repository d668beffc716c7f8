using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Scheduling;

namespace Smartnumbers.Core.Tests.Scheduling;

public sealed class PlanScheduleTests
{
    private static readonly DateTimeOffset Friday17 = new(2027, 3, 26, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday08 = new(2027, 3, 29, 8, 0, 0, TimeSpan.FromHours(1));

    private static PlanSchedule Entry(DateTimeOffset? deactivateAt = null) => new()
    {
        Id = "e1",
        Plan = "leeds-closed",
        Activation = new ScheduledSwitch(Friday17),
        Deactivation = deactivateAt is { } d ? new ScheduledSwitch(d) : null,
        CreatedBy = "key1",
    };

    private static DialPlanState Loaded(string? active = null) =>
        new() { LoadedSlots = new Dictionary<int, string> { [1] = "leeds-closed", [2] = "weekend" }, ActivePlanId = active };

    [Fact]
    public void Nothing_fires_before_its_time()
    {
        var firing = Entry().Fire(Loaded(), Friday17.AddSeconds(-1));

        Assert.Equal(ScheduleFiringKind.NothingDue, firing.Kind);
        Assert.Null(firing.NextState);
    }

    [Fact]
    public void The_activation_replaces_the_active_plan_and_says_which()
    {
        var firing = Entry().Fire(Loaded(active: "weekend"), Friday17);

        Assert.Equal(ScheduleFiringKind.Activated, firing.Kind);
        Assert.Equal("leeds-closed", firing.NextState!.ActivePlanId);
        Assert.Equal(ScheduleStatus.Fired, firing.Entry.Activation.Status);
        Assert.Contains("replacing active plan weekend", firing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activation_fires_once_the_entry_it_returns_has_nothing_due()
    {
        var fired = Entry().Fire(Loaded(), Friday17).Entry;

        Assert.Equal(ScheduleFiringKind.NothingDue, fired.Fire(Loaded(), Friday17.AddMinutes(5)).Kind);
    }

    [Fact]
    public void An_activation_of_a_plan_no_longer_loaded_fails_without_switching()
    {
        var state = new DialPlanState { LoadedSlots = new Dictionary<int, string> { [2] = "weekend" } };

        var firing = Entry().Fire(state, Friday17);

        Assert.Equal(ScheduleFiringKind.Failed, firing.Kind);
        Assert.Null(firing.NextState);
        Assert.Equal(ScheduleStatus.Failed, firing.Entry.Activation.Status);
    }

    [Fact]
    public void The_deactivation_returns_to_normal_routing_when_its_plan_is_still_active()
    {
        var activated = Entry(Monday08).Fire(Loaded(), Friday17);

        var firing = activated.Entry.Fire(activated.NextState!, Monday08);

        Assert.Equal(ScheduleFiringKind.Deactivated, firing.Kind);
        Assert.Null(firing.NextState!.ActivePlanId);
        Assert.Equal(ScheduleStatus.Fired, firing.Entry.Deactivation!.Status);
    }

    [Fact]
    public void The_deactivation_is_skipped_when_another_plan_is_active_by_then()
    {
        var activated = Entry(Monday08).Fire(Loaded(), Friday17);

        var firing = activated.Entry.Fire(Loaded(active: "weekend"), Monday08);

        Assert.Equal(ScheduleFiringKind.Skipped, firing.Kind);
        Assert.Null(firing.NextState);
        Assert.StartsWith("skipped: plan leeds-closed is no longer active", firing.Detail, StringComparison.Ordinal);
        Assert.Equal(ScheduleStatus.Skipped, firing.Entry.Deactivation!.Status);
    }

    [Fact]
    public void The_deactivation_is_skipped_when_the_activation_did_not_fire()
    {
        var failed = Entry(Monday08).Fire(new DialPlanState(), Friday17).Entry;

        var firing = failed.Fire(Loaded(active: "leeds-closed"), Monday08);

        Assert.Equal(ScheduleFiringKind.Skipped, firing.Kind);
        Assert.Null(firing.NextState);
    }

    [Fact]
    public void Both_halves_due_fire_in_order()
    {
        var late = Monday08.AddHours(1);

        var first = Entry(Monday08).Fire(Loaded(), late);
        var second = first.Entry.Fire(first.NextState!, late);

        Assert.Equal(ScheduleFiringKind.Activated, first.Kind);
        Assert.Equal(ScheduleFiringKind.Deactivated, second.Kind);
    }

    [Fact]
    public void Cancel_stops_what_is_pending_and_nothing_fires_after()
    {
        var cancelled = Entry(Monday08).Cancel("key2", Friday17.AddHours(-1))!;

        Assert.Equal(ScheduleStatus.Cancelled, cancelled.Activation.Status);
        Assert.Equal(ScheduleStatus.Cancelled, cancelled.Deactivation!.Status);
        Assert.Equal("key2", cancelled.CancelledBy);
        Assert.Equal(ScheduleFiringKind.NothingDue, cancelled.Fire(Loaded(), Monday08).Kind);
        Assert.Null(cancelled.Cancel("key2", Monday08));
    }

    [Fact]
    public void A_new_entry_is_refused_in_the_past_with_the_deactivation_first_or_with_a_plan_not_loaded()
    {
        var entry = Entry(Friday17.AddHours(-1)) with { Plan = "nowhere" };

        var errors = entry.Validate(Loaded(), Friday17.AddMinutes(1));

        Assert.Equal(["activateAt", "deactivateAt", "plan"], errors.Select(e => e.Field));
    }
}
