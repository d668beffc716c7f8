using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Routing;

/// <summary>Drops destinations that live on down sites, and steps left empty, unless that would leave nothing.</summary>
internal static class DownSiteFilter
{
    public static IReadOnlyList<RouteStep> Apply(IReadOnlyList<RouteStep> steps, HashSet<string> down, List<string>? explanation)
    {
        if (down.Count == 0)
        {
            return steps;
        }
        var anyDown = false;
        foreach (var step in steps)
        {
            foreach (var d in step.Destinations)
            {
                anyDown |= down.Contains(d);
            }
        }
        if (!anyDown)
        {
            return steps;
        }
        var kept = new List<RouteStep>(steps.Count);
        var skipped = 0;
        foreach (var step in steps)
        {
            var live = step.Destinations.Where(d => !down.Contains(d)).ToArray();
            skipped += step.Destinations.Count - live.Length;
            if (live.Length == step.Destinations.Count)
            {
                kept.Add(step);
            }
            else if (live.Length > 0)
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
}
