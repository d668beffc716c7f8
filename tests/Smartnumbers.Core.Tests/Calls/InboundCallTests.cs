using Smartnumbers.Core.Calls;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Calls;

public sealed class InboundCallTests
{
    [Theory]
    [InlineData("anonymous", CallerIdStatus.Withheld)]
    [InlineData("Anonymous", CallerIdStatus.Withheld)]
    [InlineData("4:anonymous", CallerIdStatus.Withheld)]
    [InlineData("Restricted", CallerIdStatus.Withheld)]
    [InlineData("private", CallerIdStatus.Withheld)]
    [InlineData("BLOCKED", CallerIdStatus.Withheld)]
    [InlineData("client:Anonymous", CallerIdStatus.Withheld)]
    [InlineData("sip:anonymous@anonymous.invalid", CallerIdStatus.Withheld)]
    [InlineData("unavailable", CallerIdStatus.Unavailable)]
    [InlineData("unknown", CallerIdStatus.Unavailable)]
    [InlineData("", CallerIdStatus.Unavailable)]
    [InlineData("   ", CallerIdStatus.Unavailable)]
    [InlineData(null, CallerIdStatus.Unavailable)]
    [InlineData("+266696687", CallerIdStatus.Withheld)]
    [InlineData("+86282452253", CallerIdStatus.Unavailable)]
    [InlineData("+8656696", CallerIdStatus.Unavailable)]
    [InlineData("+2562533", CallerIdStatus.Withheld)]
    [InlineData("+7378742833", CallerIdStatus.Withheld)]
    public void Withheld_caller_forms_are_recognised(string? from, CallerIdStatus expected)
    {
        var call = Call(from);

        Assert.True(call.Withheld);
        Assert.Equal(expected, call.CallerIdStatus);
        Assert.Null(call.PresentationNumber);
        Assert.Equal(from, call.RawFrom);
    }

    [Fact]
    public void Keypad_spelled_withheld_markers_are_flagged()
    {
        Assert.True(Call("+266696687").KeypadSpelledWithheld);
        Assert.False(Call("anonymous").KeypadSpelledWithheld);
    }

    [Theory]
    [InlineData("+447911123456", "+447911123456")]
    [InlineData("4:+447911123456", "+447911123456")]
    [InlineData("tel:+447911123456", "+447911123456")]
    [InlineData("sip:+447911123456@sbc.example.com;user=phone", "+447911123456")]
    [InlineData(" +44 7911 123-456 ", "+447911123456")]
    [InlineData("00447911123456", "+447911123456")]
    [InlineData("07911123456", "07911123456")]
    [InlineData("client:alice", "alice")]
    public void Presented_caller_text_is_normalised(string from, string expected)
    {
        var call = Call(from);

        Assert.False(call.Withheld);
        Assert.Equal(expected, call.PresentationNumber);
    }

    [Fact]
    public void Acs_anonymous_flag_withholds_even_a_numeric_caller()
    {
        var call = Call("4:+447911123456", carrier: Carrier.Acs, anonymous: true);

        Assert.True(call.Withheld);
        Assert.Null(call.PresentationNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown")]
    public void A_caller_without_a_number_is_missing_unless_the_carrier_flags_privacy(string? from)
    {
        var missing = Call(from);
        var privacy = Call(from, carrier: Carrier.Acs, anonymous: true);

        Assert.Equal(CallerIdStatus.Unavailable, missing.CallerIdStatus);
        Assert.Equal(CallerIdStatus.Withheld, privacy.CallerIdStatus);
        Assert.Null(privacy.PresentationNumber);
    }

    [Fact]
    public void Called_number_and_network_number_are_normalised_and_withheld_network_is_absent()
    {
        var call = Call("+447911123456", called: "4:+441134960001", network: "anonymous");

        Assert.Equal("+441134960001", call.CalledNumber);
        Assert.Null(call.NetworkNumber);
    }

    [Theory]
    [InlineData("<sip:+441614960000@pbx.example;user=phone>", "+441614960000")]
    [InlineData("\"Northwind Bank\" <sip:+441614960000@pbx.example;user=phone>", "+441614960000")]
    [InlineData("<tel:+441614960000>, <sip:+441614960000@pbx.example>", "+441614960000")]
    [InlineData("Reception <tel:01614960000>", "01614960000")]
    public void A_network_caller_id_in_sip_name_addr_form_is_reduced_to_its_number(string header, string expected)
    {
        Assert.Equal(expected, Call(GenuineMobile, network: header).NetworkNumber);
    }

    [Fact]
    public void Hints_are_looked_up_case_insensitively()
    {
        var call = Call("+447911123456", hints: new Dictionary<string, string> { ["fromcountry"] = "GB" });

        Assert.Equal("GB", call.Hints[CallHints.FromCountry]);
    }
}
