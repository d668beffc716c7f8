using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Routing;

/// <summary>Drops destinations that live on down sites, and steps left empty, unless that would leave nothing.</summary>
internal static class DownSiteFilter
{
    public static IReadOnlyList<RouteStep> Apply(IReadOnlyList<RouteStep> steps, HashSet<string> down, List<string>? explanation)
    {
        if (down.Count == 0 || !AnyDown(steps, down))
        {
            return steps;
        }
        var kept = new List<RouteStep>(steps.Count);
        var skipped = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var live = Live(step.Destinations, down);
            skipped += step.Destinations.Count - live.Count;
            if (live.Count == step.Destinations.Count)
            {
                kept.Add(step);
            }
            else if (live.Count > 0)
            {
                kept.Add(step with { Destinations = live });
            }
        }
        if (kept.Count == 0)
        {
            explanation?.Add("Every destination is on a down site: ringing them all anyway.");
            return steps;
        }
        explanation?.Add($"Skipped {skipped} destination(s) on down sites.");
        return kept;
    }

    // Indexed loops rather than foreach or LINQ over IReadOnlyList: no enumerator or closure allocated per call.
    private static bool AnyDown(IReadOnlyList<RouteStep> steps, HashSet<string> down)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var destinations = steps[i].Destinations;
            for (var j = 0; j < destinations.Count; j++)
            {
                if (down.Contains(destinations[j]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The destinations not on a down site: the same list when none is down.</summary>
    private static IReadOnlyList<string> Live(IReadOnlyList<string> destinations, HashSet<string> down)
    {
        var downCount = 0;
        for (var j = 0; j < destinations.Count; j++)
        {
            downCount += down.Contains(destinations[j]) ? 1 : 0;
        }
        if (downCount == 0)
        {
            return destinations;
        }
        var live = new string[destinations.Count - downCount];
        var n = 0;
        for (var j = 0; j < destinations.Count; j++)
        {
            if (!down.Contains(destinations[j]))
            {
                live[n++] = destinations[j];
            }
        }
        return live;
    }
}
