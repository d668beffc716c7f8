namespace Smartnumbers.Core.Risk;

/// <summary>A call's Call DNA attributes with its label (fraud or genuine), for refitting and evaluating the model.</summary>
public sealed record LabelledCall(IReadOnlyDictionary<string, double> Attributes, bool Fraud)
{
    /// <summary>When the call arrived: the held-out split trains on older calls and tests on newer ones.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The called number (E.164), whose fraud threshold judges the call in an evaluation; null when unknown.</summary>
    public string? CalledNumber { get; init; }
}
