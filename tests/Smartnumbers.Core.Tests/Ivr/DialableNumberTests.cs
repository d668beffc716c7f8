using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Core.Tests.Ivr;

public sealed class DialableNumberTests
{
    [Theory]
    [InlineData("+447700900123", "+447700900123")]
    [InlineData("07700 900123", "+447700900123")]
    [InlineData("+441134960000", "+441134960000")]
    [InlineData("+12025550123", "+12025550123")]
    public void Valid_fixed_and_mobile_numbers_are_dialable_in_e164(string presented, string expected)
    {
        Assert.Equal(expected, DialableNumber.From(presented, "GB"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anonymous")]
    [InlineData("+4412")]
    [InlineData("+449098790000")]
    [InlineData("sip:alice@example.com")]
    public void Withheld_invalid_and_premium_numbers_are_not_dialable(string? presented)
    {
        Assert.Null(DialableNumber.From(presented, "GB"));
    }
}
