using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Routing;

public sealed class RouteResolutionTests
{
    private const string PlanDesk = "+441134960010";
    private const string PlanDefault = "+441134960011";

    private static AccountSnapshot WithPlan(string? active, DialPlan plan) =>
        Snapshot(with: s => s with
        {
            Plans = new Dictionary<string, DialPlan> { ["leeds-closed"] = plan },
            PlanState = new DialPlanState { LoadedSlots = new Dictionary<int, string> { [1] = "leeds-closed" }, ActivePlanId = active },
        });

    [Fact]
    public void An_unexpired_override_wins_over_the_plan_and_normal_route()
    {
        var plan = new DialPlan { Name = "Closed", DefaultRoute = RouteTo(PlanDefault) };
        var snapshot = WithPlan("leeds-closed", plan) with
        {
            Overrides = new Dictionary<string, PersonalOverride>
            {
                [Retail] = new() { Destinations = [AgentMobile], RingSeconds = 45, ExpiresAt = MondayNoon.AddMinutes(1) },
            },
        };

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile));

        Assert.Equal(RouteSource.Override, decision.Source);
        Assert.Single(decision.Steps);
        Assert.Equal([AgentMobile], decision.Steps[0].Destinations);
        Assert.Equal(45, decision.Steps[0].RingSeconds);
    }

    [Fact]
    public void An_expired_override_is_ignored()
    {
        var snapshot = Snapshot(with: s => s with
        {
            Overrides = new Dictionary<string, PersonalOverride>
            {
                [Retail] = new() { Destinations = [AgentMobile], ExpiresAt = MondayNoon },
            },
        });

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile));

        Assert.Equal(RouteSource.Normal, decision.Source);
        Assert.Contains(decision.Explanation, line => line.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public void The_active_plans_entry_for_the_number_applies()
    {
        var plan = new DialPlan
        {
            Name = "Closed",
            Entries = [new DialPlanEntry { Number = Retail, Route = RouteTo(PlanDesk) }],
            DefaultRoute = RouteTo(PlanDefault),
        };

        var decision = CallDecider.Default.Simulate(WithPlan("leeds-closed", plan), Call(GenuineMobile));

        Assert.Equal(RouteSource.Plan, decision.Source);
        Assert.Equal([PlanDesk], decision.Steps[0].Destinations);
    }

    [Fact]
    public void The_active_plans_default_route_applies_to_numbers_it_does_not_list()
    {
        var plan = new DialPlan { Name = "Closed", DefaultRoute = RouteTo(PlanDefault) };

        var decision = CallDecider.Default.Simulate(WithPlan("leeds-closed", plan), Call(GenuineMobile));

        Assert.Equal(RouteSource.Plan, decision.Source);
        Assert.Equal([PlanDefault], decision.Steps[0].Destinations);
    }

    [Fact]
    public void A_plan_without_entry_or_default_leaves_the_normal_route_and_an_inactive_plan_is_ignored()
    {
        var empty = new DialPlan { Name = "Empty" };
        var listed = new DialPlan { Name = "Closed", DefaultRoute = RouteTo(PlanDefault) };

        Assert.Equal(RouteSource.Normal, CallDecider.Default.Simulate(WithPlan("leeds-closed", empty), Call(GenuineMobile)).Source);
        Assert.Equal(RouteSource.Normal, CallDecider.Default.Simulate(WithPlan(null, listed), Call(GenuineMobile)).Source);
    }

    [Fact]
    public void Destinations_on_down_sites_are_skipped_and_empty_steps_dropped()
    {
        var number = new NumberConfig
        {
            Route = new Route
            {
                Steps =
                [
                    new RouteStep { Destinations = [Agent] },
                    new RouteStep { Destinations = [AgentMobile, PlanDesk] },
                ],
            },
        };
        var snapshot = Snapshot(number, with: s => s with
        {
            Sites = new Dictionary<string, Site> { ["leeds"] = new() { Name = "Leeds", Destinations = [Agent, PlanDesk] } },
            DownSites = new HashSet<string> { "leeds" },
        });

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile));

        Assert.Single(decision.Steps);
        Assert.Equal([AgentMobile], decision.Steps[0].Destinations);
    }

    [Fact]
    public void When_every_destination_is_down_all_are_rung_anyway()
    {
        var snapshot = Snapshot(with: s => s with
        {
            Sites = new Dictionary<string, Site> { ["all"] = new() { Name = "All", Destinations = [Agent, AgentMobile] } },
            DownSites = new HashSet<string> { "all" },
        });

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile));

        Assert.Equal(2, decision.Steps.Count);
    }

    [Fact]
    public void The_cursor_walks_the_steps_after_failures()
    {
        var decision = CallDecider.Default.Simulate(Snapshot(), Call(GenuineMobile));

        var cursor = decision.Cursor();
        Assert.Null(cursor.Current);
        cursor = cursor.Advance();
        Assert.Equal([Agent], cursor.Current!.Destinations);
        Assert.False(cursor.IsLast);
        cursor = cursor.Advance();
        Assert.Equal([AgentMobile], cursor.Current!.Destinations);
        Assert.True(cursor.IsLast);
        Assert.Null(cursor.Advance().Current);
        Assert.Equal(1, decision.NextStepIndex(0));
        Assert.Null(decision.NextStepIndex(1));
        Assert.Null(decision.NextStep(-5));
        Assert.Equal(decision.Steps[1], RouteCursor.At(decision.Steps, 1).Current);
    }

    [Fact]
    public void Connect_carries_the_route_announcement_and_the_accounts_closing_text()
    {
        var number = new NumberConfig { Route = RouteTo(Agent) with { Announcement = "Calls may be recorded." } };
        var snapshot = Snapshot(number, with: s => s with { Settings = s.Settings with { Announcements = new Announcements { Closed = "We are closed." } } });

        var decision = CallDecider.Default.Simulate(snapshot, Call(GenuineMobile));

        Assert.Equal("Calls may be recorded.", decision.Announcement);
        Assert.Equal("We are closed.", decision.ClosingAnnouncement);
    }
}
