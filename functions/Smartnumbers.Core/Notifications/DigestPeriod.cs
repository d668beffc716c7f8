namespace Smartnumbers.Core.Notifications;

/// <summary>Which period a digest covers, in the account's time zone.</summary>
public static class DigestPeriod
{
    /// <summary>
    /// The latest completed period at <paramref name="now"/>: hourly, the previous local clock hour; daily, the previous
    /// local day, due from <see cref="NotificationSettings.DigestSchedule.Hour"/> local time (null before then).
    /// Bounds carry the zone's offset at each bound.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Latest(NotificationSettings.DigestSchedule schedule, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (schedule.Interval == DigestIntervals.Hourly)
        {
            var hourEnd = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
            return (At(zone, hourEnd.AddHours(-1)), At(zone, hourEnd));
        }

        if (local.Hour < schedule.Hour)
        {
            return null;
        }

        var dayEnd = local.Date;
        return (At(zone, dayEnd.AddDays(-1)), At(zone, dayEnd));
    }

    private static DateTimeOffset At(TimeZoneInfo zone, DateTime local)
    {
        // A local time skipped by a clock change is taken an hour later; an ambiguous one at its first occurrence.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
