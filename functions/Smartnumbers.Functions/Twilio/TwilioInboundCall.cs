using Smartnumbers.Core.Calls;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// The carrier-neutral call from a Twilio voice webhook: CallSid, To (E.164, or the INVITE URI on SIP Domains), From
/// (E.164, a withheld word, or "sip:user@host"), CallerName; every parameter (FromCountry, StirVerstat,
/// SipHeader_X-*, …) is passed on as a hint under its own name. On SIP Domain calls the network caller ID
/// (P-Asserted-Identity, which Twilio does not forward) is read from the <c>X-</c> header a customer's PBX fills
/// (<see cref="TwilioOptions.NetworkCallerIdHeader"/>), form field <c>SipHeader_{header}</c>.
/// </summary>
public static class TwilioInboundCall
{
    /// <summary>The call of <paramref name="form"/>, its network caller ID read from <see cref="TwilioOptions.DefaultNetworkCallerIdHeader"/>.</summary>
    public static InboundCall FromForm(IFormCollection form, DateTimeOffset arrivedAt) =>
        FromForm(form, arrivedAt, TwilioOptions.DefaultNetworkCallerIdHeader);

    /// <summary>The call of <paramref name="form"/>.</summary>
    /// <param name="networkCallerIdHeader">
    /// The <c>X-</c> SIP header carrying the network caller ID (<see cref="TwilioOptions.NetworkCallerIdHeader"/>);
    /// null or empty: no network caller ID is read.
    /// </param>
    public static InboundCall FromForm(IFormCollection form, DateTimeOffset arrivedAt, string? networkCallerIdHeader)
    {
        var hints = new Dictionary<string, string>(form.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in form)
        {
            hints[key] = value.ToString();
        }

        var network = string.IsNullOrEmpty(networkCallerIdHeader)
            ? null
            : hints.GetValueOrDefault(CallHints.TwilioSipHeaderPrefix + networkCallerIdHeader);
        return InboundCall.Create(
            form["CallSid"].ToString(),
            Carrier.Twilio,
            form["To"].ToString(),
            form["From"].ToString(),
            arrivedAt,
            networkNumber: network,
            displayName: form["CallerName"].ToString(),
            hints: hints);
    }
}
