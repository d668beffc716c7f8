using Smartnumbers.Core.Calls;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// The carrier-neutral call from a Twilio voice webhook: CallSid, To (E.164, or the INVITE URI on SIP Domains), From
/// (E.164, a withheld word, or "sip:user@host"), CallerName; every parameter (FromCountry, StirVerstat,
/// SipHeader_X-*, …) is passed on as a hint under its own name.
/// </summary>
public static class TwilioInboundCall
{
    public static InboundCall FromForm(IFormCollection form, DateTimeOffset arrivedAt)
    {
        var hints = new Dictionary<string, string>(form.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in form)
        {
            hints[key] = value.ToString();
        }

        return InboundCall.Create(
            form["CallSid"].ToString(),
            Carrier.Twilio,
            form["To"].ToString(),
            form["From"].ToString(),
            arrivedAt,
            displayName: form["CallerName"].ToString(),
            hints: hints);
    }
}
