using System.Globalization;
using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Routing;

/// <summary>
/// Applies a route's time-of-day rules. The route holds while the call's local time is inside any of its rules'
/// windows (days 1 = Monday … 7 = Sunday, from ≤ t &lt; to, "HH:mm"; to ≤ from spans midnight and belongs to the day it
/// starts). Outside every window the first rule's <see cref="TimeRule.Otherwise"/> route applies (its own rules
/// evaluated in turn); a route whose rules have no otherwise stays in force, so a call is never left without a route.
/// </summary>
internal static class TimeRuleEvaluator
{
    private const int MaxDepth = 8;

    public static Route Apply(Route route, TimeZoneInfo? numberZone, DateTimeOffset at, List<string>? explanation)
    {
        var current = route;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var rules = current.Rules;
            if (rules is null || rules.Count == 0)
            {
                return current;
            }
            Route? otherwise = null;
            var inside = false;
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (rule is null)
                {
                    continue;
                }
                var zone = TimeZones.Find(rule.TimeZone) ?? numberZone;
                if (IsInside(rule, zone is null ? at : TimeZoneInfo.ConvertTime(at, zone)))
                {
                    inside = true;
                    break;
                }
                otherwise ??= rule.Otherwise;
            }
            if (inside)
            {
                explanation?.Add("Time rules: inside a window; the route holds.");
                return current;
            }
            if (otherwise is null)
            {
                explanation?.Add("Time rules: outside every window and no otherwise route; the route holds.");
                return current;
            }
            explanation?.Add("Time rules: outside every window; using the otherwise route.");
            current = otherwise;
        }
        return current;
    }

    internal static bool IsInside(TimeRule rule, DateTimeOffset local)
    {
        if (!TryParseTime(rule.From, out var from) || !TryParseTime(rule.To, out var to) || rule.Days is null)
        {
            return false;
        }
        var day = IsoDay(local.DayOfWeek);
        var t = local.TimeOfDay;
        if (from < to)
        {
            return rule.Days.Contains(day) && t >= from && t < to;
        }
        // Overnight window: today's evening part, or the morning part of a window that started yesterday.
        var yesterday = day == 1 ? 7 : day - 1;
        return (rule.Days.Contains(day) && t >= from) || (rule.Days.Contains(yesterday) && t < to);
    }

    /// <summary>"HH:mm" 00:00–24:00.</summary>
    internal static bool TryParseTime(string? text, out TimeSpan time)
    {
        time = default;
        if (text is null || text.Length != 5 || text[2] != ':')
        {
            return false;
        }
        if (!int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m > 59 || h > 24 || (h == 24 && m != 0))
        {
            return false;
        }
        time = new TimeSpan(h, m, 0);
        return true;
    }

    internal static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;
}
