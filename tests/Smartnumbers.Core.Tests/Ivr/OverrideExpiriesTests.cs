using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Core.Tests.Ivr;

public sealed class OverrideExpiriesTests
{
    private static readonly TimeZoneInfo London = OverrideExpiries.Zone("Europe/London");

    [Fact]
    public void One_hour_is_sixty_minutes_from_now()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddHours(1), OverrideExpiries.ExpiresAt(OverrideExpiry.OneHour, now, London));
    }

    [Fact]
    public void End_of_today_is_local_midnight_in_summer_time()
    {
        var now = new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero); // 23:30 in London (BST)

        var at = OverrideExpiries.ExpiresAt(OverrideExpiry.EndOfToday, now, London);

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 23, 0, 0, TimeSpan.Zero), at!.Value.ToUniversalTime());
    }

    [Fact]
    public void End_of_today_is_local_midnight_in_winter_time()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        var at = OverrideExpiries.ExpiresAt(OverrideExpiry.EndOfToday, now, London);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), at!.Value.ToUniversalTime());
    }

    [Fact]
    public void Until_cancelled_has_no_expiry()
    {
        Assert.Null(OverrideExpiries.ExpiresAt(OverrideExpiry.UntilCancelled, DateTimeOffset.UnixEpoch, London));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, OverrideExpiries.Zone("Mars/Olympus_Mons"));
    }
}
