using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Core.Routing;

/// <summary>
/// Chooses the route for a number: an unexpired personal override → the active dial plan's entry for the number →
/// the active plan's default route → the number's normal route.
/// </summary>
internal static class RouteResolver
{
    public static (Route Route, RouteSource Source) Resolve(AccountSnapshot snapshot, string calledKey, NumberConfig number,
        DateTimeOffset at, List<string>? explanation)
    {
        if (snapshot.Overrides.TryGetValue(calledKey, out var over) && over is not null && over.Destinations is { Count: > 0 })
        {
            if (over.ExpiresAt is null || over.ExpiresAt > at)
            {
                explanation?.Add(over.ExpiresAt is null
                    ? "Personal override in force (no expiry)."
                    : $"Personal override in force until {over.ExpiresAt:u}.");
                return (new Route { Steps = [new RouteStep { Destinations = over.Destinations, RingSeconds = over.RingSeconds }] }, RouteSource.Override);
            }
            explanation?.Add($"Personal override expired at {over.ExpiresAt:u}; ignored.");
        }
        var planId = snapshot.PlanState?.ActivePlanId;
        if (planId is not null && snapshot.Plans.TryGetValue(planId, out var plan) && plan is not null)
        {
            foreach (var entry in plan.Entries ?? [])
            {
                if (entry?.Route is not null && entry.Number == calledKey)
                {
                    explanation?.Add($"Dial plan '{planId}' is active and routes this number.");
                    return (entry.Route, RouteSource.Plan);
                }
            }
            if (plan.DefaultRoute is not null)
            {
                explanation?.Add($"Dial plan '{planId}' is active; its default route applies.");
                return (plan.DefaultRoute, RouteSource.Plan);
            }
            explanation?.Add($"Dial plan '{planId}' is active but does not cover this number.");
        }
        explanation?.Add("Normal route.");
        return (number.Route, RouteSource.Normal);
    }
}
