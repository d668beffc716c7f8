using Smartnumbers.Core.Scheduling;

namespace Smartnumbers.Core.Tests.Scheduling;

public sealed class ScheduleTimeTests
{
    private const string London = "Europe/London";

    [Theory]
    [InlineData("2027-03-26T17:00", "2027-03-26T17:00:00+00:00")] // Friday before the clocks go forward: GMT
    [InlineData("2027-03-29T08:00", "2027-03-29T08:00:00+01:00")] // Monday after: BST
    [InlineData("2027-10-29T17:00:00", "2027-10-29T17:00:00+01:00")] // Friday before the clocks go back: BST
    [InlineData("2027-11-01T08:00", "2027-11-01T08:00:00+00:00")] // Monday after: GMT
    public void A_local_time_takes_the_account_zones_offset_on_that_day(string text, string expected)
    {
        var (at, error) = ScheduleTime.Parse(text, London, "activateAt");

        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, at!.Value.Offset);
    }

    [Theory]
    [InlineData("2027-03-26T17:00:00Z", 17)]
    [InlineData("2027-03-26T17:00:00+02:00", 15)]
    public void A_time_with_an_offset_is_taken_as_given(string text, int utcHour)
    {
        var (at, error) = ScheduleTime.Parse(text, London, "activateAt");

        Assert.Null(error);
        Assert.Equal(utcHour, at!.Value.UtcDateTime.Hour);
    }

    [Fact]
    public void A_local_time_the_clocks_skip_is_refused()
    {
        var (at, error) = ScheduleTime.Parse("2027-03-28T01:30", London, "activateAt");

        Assert.Null(at);
        Assert.Equal("activateAt", error!.Field);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_time_the_clocks_pass_twice_is_refused_until_an_offset_says_which()
    {
        var (_, error) = ScheduleTime.Parse("2027-10-31T01:30", London, "deactivateAt");
        var (second, none) = ScheduleTime.Parse("2027-10-31T01:30+00:00", London, "deactivateAt");

        Assert.Contains("happens twice", error!.Message, StringComparison.Ordinal);
        Assert.Null(none);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero), second);
    }

    [Theory]
    [InlineData("next friday")]
    [InlineData("2027-13-01T10:00")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_field(string text)
    {
        var (at, error) = ScheduleTime.Parse(text, London, "activateAt");

        Assert.Null(at);
        Assert.Equal("activateAt", error!.Field);
    }
}
