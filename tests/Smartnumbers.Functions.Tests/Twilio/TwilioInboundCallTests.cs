using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Core.Calls;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>How a Twilio voice webhook's form becomes the carrier-neutral call (no app, no storage).</summary>
public sealed class TwilioInboundCallTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static FormCollection SipDomainForm(string from, params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, StringValues>
        {
            ["CallSid"] = TwilioWebhook.NewCallSid(),
            ["To"] = "sip:+441134960001@smartnumbers.sip.twilio.com",
            ["From"] = from,
            ["SipDomain"] = "smartnumbers.sip.twilio.com",
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return new FormCollection(fields);
    }

    [Fact]
    public void A_sip_domain_call_takes_the_network_caller_id_from_the_default_x_header()
    {
        var form = SipDomainForm("sip:+447911123456@203.0.113.7",
            ("SipHeader_X-Network-Caller-Id", "\"Northwind\" <sip:+441614960000@pbx.example;user=phone>"));

        var call = TwilioInboundCall.FromForm(form, Now);

        Assert.Equal("+447911123456", call.PresentationNumber);
        Assert.Equal("+441614960000", call.NetworkNumber);
    }

    [Fact]
    public void Without_the_header_there_is_no_network_caller_id()
    {
        var call = TwilioInboundCall.FromForm(SipDomainForm("+447911123456", ("SipHeader_X-Branch", "leeds")), Now);

        Assert.Null(call.NetworkNumber);
    }

    [Fact]
    public void A_withheld_network_caller_id_counts_as_none()
    {
        var call = TwilioInboundCall.FromForm(SipDomainForm("anonymous", ("SipHeader_X-Network-Caller-Id", "<sip:anonymous@anonymous.invalid>")), Now);

        Assert.Equal(CallerIdStatus.Withheld, call.CallerIdStatus);
        Assert.Null(call.NetworkNumber);
    }

    [Fact]
    public void The_network_caller_id_header_is_configurable_and_can_be_turned_off()
    {
        var form = SipDomainForm("+447911123456", ("SipHeader_x-pai", "<tel:+441614960000>"), ("SipHeader_X-Network-Caller-Id", "+442071838750"));

        Assert.Equal("+441614960000", TwilioInboundCall.FromForm(form, Now, "X-PAI").NetworkNumber);
        Assert.Null(TwilioInboundCall.FromForm(form, Now, "").NetworkNumber);
        Assert.Null(TwilioInboundCall.FromForm(form, Now, null).NetworkNumber);
    }
}
