using System.Text.Json;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Core.Tests.Ivr;

public sealed class IvrPinSecrecyTests
{
    [Fact]
    public void The_pin_never_appears_in_any_prompt_session_request_description_or_text_form()
    {
        var s = new IvrScenario();
        var texts = new List<string>();
        s.SignIn(IvrScenario.OperatorId, PinCheckResult.Rejected);
        s.SignIn(IvrScenario.OperatorId);
        s.Press("1");
        s.Press("1");
        s.Complete();
        s.Press("8");
        s.Press("2");
        s.Complete();
        s.Press("#");

        foreach (var t in s.Transitions)
        {
            texts.Add(t.ToString());
            texts.Add(t.Session.ToString());
            texts.Add(JsonSerializer.Serialize(t.Session));
            texts.Add(t.Prompt?.Text ?? string.Empty);
            texts.Add(t.Action?.ToString() ?? string.Empty);
            texts.Add(t.Action?.Describe() ?? string.Empty);
        }

        texts.Add(new DigitsEntered(IvrScenario.Pin + "#").ToString());
        texts.Add(new PinDigits(IvrScenario.Pin).ToString());
        texts.Add(JsonSerializer.Serialize(new PinDigits(IvrScenario.Pin)));
        Assert.Contains(s.Transitions, t => t.Action is VerifyPin v && v.Pin.Reveal() == IvrScenario.Pin);
        Assert.All(texts, text => Assert.DoesNotContain(IvrScenario.Pin, text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_refusal_of_keys_does_not_quote_them()
    {
        var s = new IvrScenario();
        s.Start();
        s.Press("1234#");
        s.Press(IvrScenario.Pin + "#");

        var ex = Assert.Throws<InvalidOperationException>(() => s.Press(IvrScenario.Pin));

        Assert.DoesNotContain(IvrScenario.Pin, ex.Message, StringComparison.Ordinal);
    }
}
