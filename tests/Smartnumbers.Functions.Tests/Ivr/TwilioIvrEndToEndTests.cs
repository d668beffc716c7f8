using System.Net;
using System.Xml.Linq;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>
/// The Twilio dial-in line from the first webhook: POST /api/twilio/voice for the control line answers with the
/// IVR's greeting at once (no &lt;Redirect&gt; detour) → &lt;Gather&gt; posts to /api/twilio/ivr (all signed) → plan
/// activated → the next normal call dialled by that plan.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TwilioIvrEndToEndTests(SmartnumbersAppFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_control_line_call_from_the_voice_webhook_activates_a_plan_that_dials_the_next_call()
    {
        var seed = await new IvrAccountSeed(factory.Services).CreateAsync();
        var callSid = TwilioWebhook.NewCallSid();
        var form = TwilioWebhook.CallForm(callSid, to: seed.ControlLine);

        var voice = await PostAsync("/api/twilio/voice", form);
        Assert.Empty(voice.Descendants("Redirect"));
        Assert.StartsWith("Welcome to the Smartnumbers control line.", Spoken(voice), StringComparison.Ordinal);
        var ivrPath = new Uri(new Uri(TwilioWebhook.TestOrigin), (string)voice.Descendants("Gather").Single().Attribute("action")!).PathAndQuery;
        Assert.Equal("/api/twilio/ivr", ivrPath);

        Assert.Contains("PIN", Spoken(await GatherAsync(ivrPath, form, IvrAccountSeed.OperatorId)), StringComparison.Ordinal);
        Assert.StartsWith("Hello Olive.", Spoken(await GatherAsync(ivrPath, form, IvrAccountSeed.Pin)), StringComparison.Ordinal);
        Assert.StartsWith("Slot 2 holds plan Leeds office closed.", Spoken(await GatherAsync(ivrPath, form, "2")), StringComparison.Ordinal);
        Assert.StartsWith("Plan Leeds office closed is now active.", Spoken(await GatherAsync(ivrPath, form, "1")), StringComparison.Ordinal);

        var normal = await PostAsync("/api/twilio/voice", TwilioWebhook.CallForm(TwilioWebhook.NewCallSid(), "+447700900999", seed.NormalNumber));
        var dialled = normal.Descendants("Dial").Descendants("Number").Select(n => n.Value.Trim()).ToList();
        Assert.Equal([seed.PlanDesk], dialled);
        Assert.Contains(await seed.AuditAsync(), a => a == ("activate", "plans/leeds-closed", "ivr", IvrAccountSeed.OperatorId));
    }

    private Task<XDocument> GatherAsync(string path, Dictionary<string, string> call, string digits) =>
        PostAsync(path, new Dictionary<string, string>(call) { ["Digits"] = digits });

    private async Task<XDocument> PostAsync(string path, Dictionary<string, string> form)
    {
        using var request = TwilioWebhook.Post(path, form);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Spoken(XDocument twiml) => string.Join(" ", twiml.Descendants("Say").Select(s => s.Value));
}
