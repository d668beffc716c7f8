namespace Smartnumbers.Core.Risk;

/// <summary>
/// The definition of one Call DNA attribute: its stable name (used in call records, reports and model JSON), group,
/// meaning, default model weight (log-odds per unit of value) and the tag it raises when its value is ≥ 0.5.
/// </summary>
public sealed record CallDnaAttribute(int Index, string Name, string Group, double DefaultWeight, string? Tag, string Meaning);
