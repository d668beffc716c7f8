using System.Globalization;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Core.Routing;
using static Smartnumbers.Core.Notifications.BlockedCallsDigest;

namespace Smartnumbers.Core.Tests.Notifications;

public sealed class BlockedCallsDigestTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2027-03-01T00:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void The_digest_counts_blocked_calls_by_reason_and_number_and_names_the_top_ten_callers()
    {
        var calls = new List<BlockedCall>();
        for (var i = 0; i < 12; i++)
        {
            // Caller +447700900000 blocked 12 times, +447700900001 11 times, … +447700900011 once.
            for (var n = 0; n < 12 - i; n++)
            {
                calls.Add(new("blocked", n % 2 == 0 ? "+441134960000" : "+441134960001", $"+4477009000{i:00}"));
            }
        }

        calls.Add(new("acr", "+441134960000", null));
        calls.Add(new("acr", "+441134960000", null));
        calls.Add(new("icr-premium-rate", "+441134960001", "+449090000000"));
        calls.Add(new("normal", "+441134960000", "+447700900000")); // connected: not in the digest
        calls.Add(new("high-risk", "+441134960000", "+447700900000"));

        var digest = Build(From, From.AddDays(1), calls);

        Assert.Equal(78 + 3, digest.Total);
        Assert.Equal([new("blocked", 78), new("acr", 2), new("icr-premium-rate", 1)], digest.ByReason);
        Assert.Equal([new("+441134960000", 44), new("+441134960001", 37)], digest.ByNumber);
        Assert.Equal(TopCallerCount, digest.TopCallers.Count);
        Assert.Equal(new KeyValuePair<string, int>("+447700900000", 12), digest.TopCallers[0]);
        Assert.Equal(new KeyValuePair<string, int>("+447700900009", 3), digest.TopCallers[9]);
        Assert.DoesNotContain(digest.TopCallers, p => p.Key == "+447700900011");
        Assert.Contains("  +447700900000: 12", digest.Text(), StringComparison.Ordinal);
        Assert.Contains("By reason:\n  blocked: 78\n  acr: 2\n  icr-premium-rate: 1", digest.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Withheld_callers_are_counted_together()
    {
        var digest = Build(From, From.AddHours(1), [new("acr", "+441134960000", null), new("acr", "+441134960001", null), new("blocked", "+441134960000", "+447700900123")]);

        Assert.Equal(new KeyValuePair<string, int>(Withheld, 2), digest.TopCallers[0]);
    }

    [Fact]
    public void A_daily_digest_covers_the_previous_local_day_and_is_due_from_its_hour()
    {
        var london = TimeZones.Find("Europe/London")!;
        var daily = new NotificationSettings.DigestSchedule { Interval = DigestIntervals.Daily, Hour = 8 };

        Assert.Null(DigestPeriod.Latest(daily, london, DateTimeOffset.Parse("2027-07-02T06:30:00Z", CultureInfo.InvariantCulture))); // 07:30 BST
        var period = DigestPeriod.Latest(daily, london, DateTimeOffset.Parse("2027-07-02T07:05:00Z", CultureInfo.InvariantCulture))!.Value; // 08:05 BST

        Assert.Equal(DateTimeOffset.Parse("2027-06-30T23:00:00Z", CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateTimeOffset.Parse("2027-07-01T23:00:00Z", CultureInfo.InvariantCulture), period.To);
    }

    [Fact]
    public void An_hourly_digest_covers_the_previous_local_clock_hour()
    {
        var kolkata = TimeZones.Find("Asia/Kolkata")!; // UTC+05:30: local hours are not UTC hours
        var hourly = new NotificationSettings.DigestSchedule { Interval = DigestIntervals.Hourly };

        var period = DigestPeriod.Latest(hourly, kolkata, DateTimeOffset.Parse("2027-03-01T10:45:00Z", CultureInfo.InvariantCulture))!.Value; // 16:15 local

        Assert.Equal(DateTimeOffset.Parse("2027-03-01T09:30:00Z", CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateTimeOffset.Parse("2027-03-01T10:30:00Z", CultureInfo.InvariantCulture), period.To);
    }
}
