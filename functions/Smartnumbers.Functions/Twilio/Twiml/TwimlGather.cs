namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>The prompts inside one &lt;Gather&gt; (played while the caller may already key in digits).</summary>
public sealed class TwimlGather
{
    private readonly TwimlXml _xml;

    internal TwimlGather(TwimlXml xml) => _xml = xml;

    public TwimlGather Say(string text, string? voice = null, string? language = null, int? loop = null)
    {
        TwimlResponse.WriteSay(_xml, text, voice, language, loop);
        return this;
    }

    public TwimlGather Play(string url, int? loop = null)
    {
        TwimlResponse.WritePlay(_xml, url, loop);
        return this;
    }

    public TwimlGather Pause(int? length = null)
    {
        TwimlResponse.WritePause(_xml, length);
        return this;
    }
}
