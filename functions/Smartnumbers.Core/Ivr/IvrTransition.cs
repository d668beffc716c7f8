namespace Smartnumbers.Core.Ivr;

/// <summary>
/// One step of the machine: the new session and exactly one of a prompt to play (then gather or hang up) or an
/// action whose result must be fed back with <see cref="IvrMachine.Next"/> before anything is played.
/// </summary>
public sealed record IvrTransition
{
    private IvrTransition(IvrSession session, IvrPrompt? prompt, IvrAction? action)
    {
        Session = session;
        Prompt = prompt;
        Action = action;
    }

    public IvrSession Session { get; }
    public IvrPrompt? Prompt { get; }
    public IvrAction? Action { get; }

    public static IvrTransition Speak(IvrSession session, IvrPrompt prompt) => new(session, prompt, null);

    public static IvrTransition Request(IvrSession session, IvrAction action) => new(session, null, action);
}
