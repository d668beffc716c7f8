using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Risk;

namespace Smartnumbers.ModelEval;

/// <summary>
/// One call of the evaluation set: when it arrived, the number it reached and that number's fraud threshold, who made it
/// (<see cref="Pattern"/>, so <see cref="Fraud"/> is its label), the call and caller history the adapter would have
/// built, and the Call DNA attributes production extracted from them.
/// </summary>
public sealed record EvaluationCall(
    DateTimeOffset At,
    string CalledNumber,
    int Threshold,
    CallPattern Pattern,
    bool RepeatCaller,
    InboundCall Call,
    CallerHistory History,
    RiskAssessment Risk)
{
    public bool Fraud => Pattern.IsFraud();

    /// <summary>The Call DNA attributes, as a call record stores them.</summary>
    public IReadOnlyDictionary<string, double> Attributes => Risk.Attributes;

    /// <summary>The call as a refit reads it.</summary>
    public LabelledCall ToLabelled() => new(Attributes, Fraud) { At = At, CalledNumber = CalledNumber };
}
