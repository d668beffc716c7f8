using PhoneNumbers;
using Smartnumbers.Core.Numbers;

namespace Smartnumbers.Core.Tests.Numbers;

public sealed class PhoneNumberParserTests
{
    [Theory]
    [InlineData("+447984123456", true, PhoneNumberType.MOBILE, "GB")]
    [InlineData("07984123456", true, PhoneNumberType.MOBILE, "GB")]
    [InlineData("+447911123456", true, PhoneNumberType.MOBILE, "GB")]
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
    [InlineData("+447984123456")]
    [InlineData("+441614960000")]
    [InlineData("+447700900123")]
    [InlineData("+448001234567")]
    [InlineData("+449098790123")]
    [InlineData("+4412345")]
    [InlineData("+33142685300")]
    [InlineData("+12025550143")]
    [InlineData("+112025550143")]
    [InlineData("+390612345678")]
    [InlineData("+8613800138000")]
    [InlineData("+80012345678")]
    [InlineData("+882351234567")]
    [InlineData("+9715012345678")]
    [InlineData("+2348031234567")]
    [InlineData("+61412345678")]
    [InlineData("+441000000000")]
    [InlineData("+79161234567")]
    [InlineData("+78161234567")]
    [InlineData("+8801712345678")]
    [InlineData("+5491123456789")]
    public void The_e164_fast_path_agrees_with_libphonenumbers_parse(string text)
    {
        var util = PhoneNumberUtil.GetInstance();
        var slow = util.Parse(text, "ZZ");
        var fast = PhoneNumberParser.TryFastE164(text);

        if (fast is not null && util.IsValidNumber(fast))
        {
            Assert.Equal(util.Format(slow, PhoneNumberFormat.E164), util.Format(fast, PhoneNumberFormat.E164));
            Assert.Equal(util.GetNumberType(slow), util.GetNumberType(fast));
            Assert.Equal(util.IsValidNumber(slow), util.IsValidNumber(fast));
        }
        var parsed = PhoneNumberParser.Parse(text, "GB");
        Assert.Equal(util.IsValidNumber(slow), parsed.Valid);
        Assert.Equal(util.Format(slow, PhoneNumberFormat.E164), parsed.E164);
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
