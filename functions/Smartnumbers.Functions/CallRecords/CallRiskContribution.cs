namespace Smartnumbers.Functions.CallRecords;

/// <summary>One attribute's contribution to a risk score.</summary>
public sealed record CallRiskContribution(string Attribute, double Weight);
