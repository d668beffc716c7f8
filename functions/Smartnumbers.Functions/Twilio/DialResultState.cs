namespace Smartnumbers.Functions.Twilio;

/// <summary>The state a &lt;Dial action&gt; URL carries: which call, which number, which step was just dialled, and the rest.</summary>
public sealed record DialResultState(
    string AccountId,
    string CalledNumber,
    string CallId,
    DateTimeOffset StartedAt,
    int Step,
    DialSequence Sequence);
