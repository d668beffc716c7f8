namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>Text spoken by Azure AI text-to-speech (needs the AI resource linked to ACS).</summary>
public sealed record TextSource(string Text)
{
    public string? SourceLocale { get; init; }
    public string? VoiceKind { get; init; }
    public string? VoiceName { get; init; }
}
