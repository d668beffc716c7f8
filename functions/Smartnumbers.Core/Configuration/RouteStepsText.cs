using System.Globalization;

namespace Smartnumbers.Core.Configuration;

/// <summary>
/// Route steps as two CSV cells: destinations, steps separated by '|' and a step's destinations by ';'
/// ("+441134960000|+447700900123;+447700900124"), and their ring seconds in the same order ("20|25"; empty: 20 each).
/// </summary>
public static class RouteStepsText
{
    public static (string Destinations, string RingSeconds) Format(IReadOnlyList<RouteStep> steps) =>
        (string.Join('|', steps.Select(s => string.Join(';', s.Destinations))),
         string.Join('|', steps.Select(s => s.RingSeconds.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The steps, or an error naming which cell is wrong ("destinations" or "ringSeconds").</summary>
    public static (IReadOnlyList<RouteStep>? Steps, string? ErrorIn, string? Error) Parse(string destinations, string? ringSeconds)
    {
        var steps = destinations.Split('|', StringSplitOptions.TrimEntries);
        var rings = string.IsNullOrWhiteSpace(ringSeconds) ? null : ringSeconds.Split('|', StringSplitOptions.TrimEntries);
        if (rings is not null && rings.Length != steps.Length)
        {
            return (null, "ringSeconds", $"gives {rings.Length} ring times for {steps.Length} steps ('|'-separated, one per step).");
        }

        var result = new List<RouteStep>(steps.Length);
        for (var i = 0; i < steps.Length; i++)
        {
            var ring = 20;
            if (rings is not null && !int.TryParse(rings[i], NumberStyles.None, CultureInfo.InvariantCulture, out ring))
            {
                return (null, "ringSeconds", $"'{rings[i]}' is not a whole number of seconds.");
            }

            result.Add(new RouteStep { Destinations = steps[i].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), RingSeconds = ring });
        }

        return (result, null, null);
    }
}
