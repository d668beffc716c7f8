using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Routing;
using Smartnumbers.Core.Screening;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// Phase two of <see cref="CallDecider"/>: picks the route (override → active plan → normal; a granted high-risk divert
/// replaces it; the trusted route replaces only the normal route), applies time rules and skips down sites.
/// </summary>
internal static class RouteBuilder
{
    public static RoutingDecision Build(CallAssessment a, bool divertGranted)
    {
        var explanation = new List<string>(a.Explanation.Count + 4);
        explanation.AddRange(a.Explanation);
        var snapshot = a.Snapshot;
        var number = a.Number!;
        var policy = number.Fraud;
        var index = SnapshotIndex.For(snapshot);
        var (route, source) = RouteResolver.Resolve(snapshot, a.NumberKey!, number, a.Call.ArrivedAt, explanation);
        var reason = a.Trusted ? DecisionReasons.Trusted : DecisionReasons.Routed;
        var capReached = false;
        if (a.DivertWanted && divertGranted)
        {
            route = policy!.HighRiskRoute!;
            source = RouteSource.Fraud;
            reason = DecisionReasons.HighRiskDivert;
            explanation.Add("Divert slot granted: high-risk route.");
        }
        else if (a.DivertWanted)
        {
            capReached = true;
            reason = DecisionReasons.HighRiskCapReached;
            explanation.Add($"Divert cap of {a.MaxDivertsPerHour}/hour reached: routed as usual and flagged.");
        }
        else if (a.Trusted && source == RouteSource.Normal && policy?.TrustedRoute is not null)
        {
            route = policy.TrustedRoute;
            source = RouteSource.Trusted;
            explanation.Add("Trusted caller: the fraud policy's trusted route.");
        }
        var zone = TimeZones.Find(number.TimeZone) ?? index.AccountZone;
        route = TimeRuleEvaluator.Apply(route, zone, a.Call.ArrivedAt, explanation);
        var steps = DownSiteFilter.Apply(CleanSteps(route), index.DownDestinations, explanation);
        if (steps.Count == 0)
        {
            explanation.Add("The route has no destinations: the caller hears the closing announcement.");
        }
        return new RoutingDecision
        {
            Action = DecisionAction.Connect,
            Reason = reason,
            Steps = steps,
            Announcement = route.Announcement,
            ClosingAnnouncement = snapshot.Settings?.Announcements?.Closed ?? DefaultAnnouncements.Closed,
            Source = source,
            Risk = a.Risk,
            FraudCapReached = capReached,
            Flagged = a.HighRisk,
            NotifyAgent = a.HighRisk && policy?.NotifyAgent == true,
            ControlLine = number.ControlLine,
            Explanation = explanation,
        };
    }

    /// <summary>The route's steps without null or empty entries (configs are validated, but a decision never throws).</summary>
    internal static IReadOnlyList<RouteStep> CleanSteps(Route route)
    {
        var steps = route.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            if (!IsClean(steps[i]))
            {
                return [.. steps.Where(s => s?.Destinations is not null)
                    .Select(s => s with { Destinations = [.. s.Destinations.Where(d => !string.IsNullOrWhiteSpace(d))] })
                    .Where(s => s.Destinations.Count > 0)];
            }
        }
        return steps;
    }

    /// <summary>A step with destinations, none of them blank (indexed loops: this runs for every routed call).</summary>
    private static bool IsClean(RouteStep? step)
    {
        if (step?.Destinations is not { Count: > 0 } destinations)
        {
            return false;
        }
        for (var i = 0; i < destinations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(destinations[i]))
            {
                return false;
            }
        }
        return true;
    }
}
