namespace Smartnumbers.Core.Ivr;

/// <summary>What to say to the caller, then either gather keys or, when <see cref="Gather"/> is null, hang up.</summary>
public sealed record IvrPrompt(IReadOnlyList<string> Sentences, IvrGather? Gather)
{
    public bool HangsUp => Gather is null;

    /// <summary>The sentences as one text for a text-to-speech engine.</summary>
    public string Text => string.Join(" ", Sentences);
}
