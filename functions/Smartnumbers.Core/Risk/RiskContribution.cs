namespace Smartnumbers.Core.Risk;

/// <summary>One attribute's push on the score: <see cref="Weight"/> = model weight × attribute value, in log-odds.</summary>
public sealed record RiskContribution(string Attribute, double Weight);
