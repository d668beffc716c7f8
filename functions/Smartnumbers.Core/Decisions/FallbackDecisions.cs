using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Routing;
using Smartnumbers.Core.Screening;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// The decisions a carrier adapter falls back on when the full decision cannot be made: the last-known route of a
/// number (deciding failed), and the deployment's emergency route (the number's owner could not be read). Pure and
/// never throwing, like the decision itself.
/// </summary>
public static class FallbackDecisions
{
    /// <summary>
    /// The route the number would get without screening or scoring: an unexpired override, else the active dial plan,
    /// else the normal route; time rules applied and destinations on down sites skipped. Null when the snapshot does
    /// not have the number.
    /// </summary>
    public static RoutingDecision? LastKnownRoute(AccountSnapshot snapshot, string calledNumber, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (calledNumber is null || !snapshot.Numbers.TryGetValue(calledNumber, out var number) || number is null)
        {
            return null;
        }
        var explanation = new List<string>(4) { "Deciding failed: routed by the last-known configuration, without screening or scoring." };
        var index = SnapshotIndex.For(snapshot);
        var (route, source) = RouteResolver.Resolve(snapshot, calledNumber, number, at, explanation);
        route = TimeRuleEvaluator.Apply(route, TimeZones.Find(number.TimeZone) ?? index.AccountZone, at, explanation);
        return new RoutingDecision
        {
            Action = DecisionAction.Connect,
            Reason = DecisionReasons.Fallback,
            Steps = DownSiteFilter.Apply(RouteBuilder.CleanSteps(route), index.DownDestinations, explanation),
            Announcement = route.Announcement,
            ClosingAnnouncement = snapshot.Settings?.Announcements?.Closed ?? DefaultAnnouncements.Closed,
            Source = source,
            ControlLine = number.ControlLine,
            Explanation = explanation,
        };
    }

    /// <summary>
    /// The deployment's emergency route: each destination a step of its own, tried in turn for
    /// <paramref name="ringSeconds"/>, after <paramref name="announcement"/> if any.
    /// </summary>
    public static RoutingDecision EmergencyRoute(IReadOnlyList<string> destinations, string? announcement, int ringSeconds)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        return new RoutingDecision
        {
            Action = DecisionAction.Connect,
            Reason = DecisionReasons.EmergencyRoute,
            Steps = [.. destinations.Select(d => new RouteStep { Destinations = [d], RingSeconds = ringSeconds })],
            Announcement = string.IsNullOrWhiteSpace(announcement) ? null : announcement,
            ClosingAnnouncement = DefaultAnnouncements.Closed,
            Source = RouteSource.Emergency,
            Explanation = ["The owner of the called number could not be read in time: the deployment's emergency route."],
        };
    }
}
