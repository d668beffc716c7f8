using System.Net;
using System.Xml.Linq;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>One dial-in call through POST /api/twilio/ivr, as Twilio's &lt;Gather action&gt; posts it (signed).</summary>
internal sealed class TwilioIvrCall(HttpClient client, string to, string from = "+447700900123")
{
    public string CallSid { get; } = TwilioWebhook.NewCallSid();

    /// <summary>The last reply's TwiML.</summary>
    public XDocument Last { get; private set; } = new();

    public string Spoken => string.Join(" ", Last.Descendants("Say").Select(s => s.Value));

    public bool Gathers => Last.Descendants("Gather").Any();

    public bool HangsUp => Last.Descendants("Hangup").Any();

    /// <summary>Posts <paramref name="digits"/> (null: the call's first request, with no Digits) and returns what is spoken.</summary>
    public async Task<string> Press(string? digits)
    {
        var form = TwilioWebhook.CallForm(CallSid, from, to);
        if (digits is not null)
        {
            form["Digits"] = digits;
        }

        using var request = TwilioWebhook.Post("/api/twilio/ivr", form);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Last = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return Spoken;
    }

    /// <summary>Greeting, staff id and PIN.</summary>
    public async Task<string> SignIn(string staffId, string pin)
    {
        await Press(null);
        await Press(staffId);
        return await Press(pin);
    }
}
