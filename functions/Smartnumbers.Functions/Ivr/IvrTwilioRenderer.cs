using System.Globalization;
using Microsoft.Extensions.Options;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Twilio;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// A dial-in prompt as TwiML: <c>&lt;Gather input="dtmf" … action="/api/twilio/ivr" actionOnEmptyResult="true"&gt;</c>
/// around the spoken text (so keys may be pressed while it plays), or the text and <c>&lt;Hangup/&gt;</c>.
/// </summary>
internal sealed class IvrTwilioRenderer(IOptions<TwilioOptions> options)
{
    public const string ActionPath = "/api/twilio/ivr";

    public TwimlResponse Render(IvrPrompt prompt)
    {
        var o = options.Value;
        var twiml = new TwimlResponse();
        if (prompt.Gather is not { } gather)
        {
            return twiml.Say(prompt.Text, o.Voice, o.Language).Hangup();
        }

        var attributes = new GatherAttributes
        {
            Input = "dtmf",
            NumDigits = gather.FinishOnHash ? null : gather.MaxDigits,
            FinishOnKey = gather.FinishOnHash ? "#" : string.Empty,
            Timeout = (int)Math.Ceiling(gather.Timeout.TotalSeconds),
            Action = ActionPath,
            Method = "POST",
            ActionOnEmptyResult = true,
        };
        return twiml.Gather(attributes, g => g.Say(prompt.Text, o.Voice, o.Language));
    }

    /// <summary>The digits of a Gather post; Twilio leaves out the finish key, a stray one is dropped by the machine.</summary>
    public static string Digits(IFormCollection form) => form["Digits"].ToString().Trim().ToString(CultureInfo.InvariantCulture);
}
