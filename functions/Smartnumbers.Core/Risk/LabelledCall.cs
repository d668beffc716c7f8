namespace Smartnumbers.Core.Risk;

/// <summary>A call's Call DNA attributes with its label (fraud or genuine), for refitting the model.</summary>
public sealed record LabelledCall(IReadOnlyDictionary<string, double> Attributes, bool Fraud);
