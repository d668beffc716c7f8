namespace Smartnumbers.Core.Ivr;

/// <summary>The result of the change request the machine made, fed back so the outcome is spoken.</summary>
public sealed record ActionCompleted(IvrAction Action, IvrActionOutcome Outcome) : IvrInput;
