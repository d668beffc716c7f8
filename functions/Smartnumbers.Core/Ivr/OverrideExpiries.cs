namespace Smartnumbers.Core.Ivr;

/// <summary>Turns an <see cref="OverrideExpiry"/> choice into an instant, in the account's time zone.</summary>
public static class OverrideExpiries
{
    /// <summary>When an override chosen at <paramref name="now"/> ends; null for <see cref="OverrideExpiry.UntilCancelled"/>.</summary>
    public static DateTimeOffset? ExpiresAt(OverrideExpiry expiry, DateTimeOffset now, TimeZoneInfo zone) => expiry switch
    {
        OverrideExpiry.OneHour => now.AddHours(1),
        OverrideExpiry.EndOfToday => NextMidnight(now, zone),
        OverrideExpiry.UntilCancelled => null,
        _ => throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "unknown override expiry"),
    };

    /// <summary>The account's zone; UTC when the id is unknown to this machine's time zone database.</summary>
    public static TimeZoneInfo Zone(string ianaId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTimeOffset NextMidnight(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date.AddDays(1);
        // Midnight can fall in a DST gap in a few zones; step forward to the first valid local time.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
