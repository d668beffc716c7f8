namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>What to play: <c>kind</c> file|text|ssml and the matching sub-object.</summary>
public sealed record PlaySource
{
    public required string Kind { get; init; }
    public FileSource? File { get; init; }
    public TextSource? Text { get; init; }

    public static PlaySource FromText(string text, string? voiceName = null) =>
        new() { Kind = "text", Text = new TextSource(text) { VoiceName = voiceName } };

    public static PlaySource FromFile(string uri) => new() { Kind = "file", File = new FileSource(uri) };
}
