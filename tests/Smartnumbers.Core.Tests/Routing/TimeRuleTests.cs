using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Routing;

public sealed class TimeRuleTests
{
    private const string OutOfHours = "+441134960099";

    private static AccountSnapshot OfficeHours(string? ruleZone = null, string? numberZone = null, string from = "08:00", string to = "18:00", int[]? days = null)
    {
        var route = RouteTo(Agent) with
        {
            Rules = [new TimeRule { Days = days ?? [1, 2, 3, 4, 5], From = from, To = to, TimeZone = ruleZone, Otherwise = RouteTo(OutOfHours) }],
        };
        return Snapshot(new NumberConfig { Route = route, TimeZone = numberZone });
    }

    private static string FirstDestination(AccountSnapshot snapshot, DateTimeOffset at) =>
        CallDecider.Default.Simulate(snapshot, Call(GenuineMobile, at: at)).Steps[0].Destinations[0];

    [Fact]
    public void Inside_the_window_the_route_holds_outside_the_otherwise_route_applies()
    {
        var snapshot = OfficeHours();

        Assert.Equal(Agent, FirstDestination(snapshot, MondayNoon));
        Assert.Equal(OutOfHours, FirstDestination(snapshot, MondayNoon.AddHours(7)));
        Assert.Equal(OutOfHours, FirstDestination(snapshot, MondayNoon.AddDays(-1)));
    }

    [Fact]
    public void Windows_are_evaluated_in_the_numbers_time_zone_across_daylight_saving()
    {
        // 07:30 UTC on 1 July is 08:30 BST in London: inside; in November 07:30 UTC is 07:30 GMT: outside.
        var snapshot = OfficeHours(numberZone: "Europe/London");

        Assert.Equal(Agent, FirstDestination(snapshot, new DateTimeOffset(2026, 7, 1, 7, 30, 0, TimeSpan.Zero)));
        Assert.Equal(OutOfHours, FirstDestination(snapshot, new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_rules_own_time_zone_wins_over_the_numbers()
    {
        // 15:00 UTC on a Monday is 10:00 in New York: inside 08–12 there, outside it in London.
        var ny = OfficeHours(ruleZone: "America/New_York", numberZone: "Europe/London", to: "12:00");
        var london = OfficeHours(numberZone: "Europe/London", to: "12:00");
        var at = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal(Agent, FirstDestination(ny, at));
        Assert.Equal(OutOfHours, FirstDestination(london, at));
    }

    [Fact]
    public void Overnight_windows_span_midnight_and_belong_to_the_day_they_start()
    {
        var snapshot = OfficeHours(from: "22:00", to: "06:00", days: [5]);

        Assert.Equal(Agent, FirstDestination(snapshot, new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Agent, FirstDestination(snapshot, new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero)));
        Assert.Equal(OutOfHours, FirstDestination(snapshot, new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_rule_without_otherwise_never_leaves_the_call_without_a_route()
    {
        var route = RouteTo(Agent) with { Rules = [new TimeRule { Days = [6], From = "09:00", To = "10:00" }] };

        var decision = CallDecider.Default.Simulate(Snapshot(new NumberConfig { Route = route }), Call(GenuineMobile));

        Assert.Equal(Agent, decision.Steps[0].Destinations[0]);
    }

    [Fact]
    public void An_unknown_time_zone_falls_back_to_utc_without_throwing()
    {
        var snapshot = OfficeHours(ruleZone: "Mars/Olympus_Mons", numberZone: "Nowhere/Else");

        Assert.Equal(Agent, FirstDestination(snapshot, MondayNoon));
    }
}
