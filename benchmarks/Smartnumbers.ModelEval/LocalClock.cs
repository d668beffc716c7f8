namespace Smartnumbers.ModelEval;

/// <summary>Instants drawn in a number's local time (hour weights are local: people call in their own day).</summary>
internal static class LocalClock
{
    /// <summary>The instant of local <paramref name="day"/> at an hour drawn from <paramref name="hourWeights"/>, a random minute and second.</summary>
    public static DateTimeOffset Draw(NumberFactory draw, DateOnly day, IReadOnlyList<double> hourWeights, TimeZoneInfo zone)
    {
        var hour = draw.Weighted(hourWeights.Select((w, h) => (h, w)).ToArray());
        var local = day.ToDateTime(new TimeOnly(hour, draw.Random.Next(60), draw.Random.Next(60)), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
