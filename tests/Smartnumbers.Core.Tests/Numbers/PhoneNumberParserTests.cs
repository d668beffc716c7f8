using PhoneNumbers;
using Smartnumbers.Core.Numbers;

namespace Smartnumbers.Core.Tests.Numbers;

public sealed class PhoneNumberParserTests
{
    [Theory]
    [InlineData("+447984123456", true, PhoneNumberType.MOBILE, "GB")]
    [InlineData("07984123456", true, PhoneNumberType.MOBILE, "GB")]
    [InlineData("+447911123456", true, PhoneNumberType.MOBILE, "GG")]
    [InlineData("+441614960000", true, PhoneNumberType.FIXED_LINE, "GB")]
    [InlineData("+447700900123", false, PhoneNumberType.UNKNOWN, "GB")]
    [InlineData("+12025550143", true, PhoneNumberType.FIXED_LINE_OR_MOBILE, "US")]
    [InlineData("+33142685300", true, PhoneNumberType.FIXED_LINE, "FR")]
    public void Numbers_are_parsed_once_with_libphonenumber_facts(string text, bool valid, PhoneNumberType type, string region)
    {
        var parsed = PhoneNumberParser.Parse(text, "GB");

        Assert.True(parsed.Parsed);
        Assert.Equal(valid, parsed.Valid);
        Assert.Equal(type, parsed.Type);
        Assert.Equal(region, parsed.Region);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("+0123456")]
    [InlineData("+9999999999999999999999")]
    [InlineData("12")]
    public void Garbage_is_reported_unparsed_without_throwing(string text)
    {
        var parsed = PhoneNumberParser.Parse(text, "GB");

        Assert.True(parsed.Present);
        Assert.False(parsed.Parsed);
        Assert.False(parsed.Valid);
    }
}
