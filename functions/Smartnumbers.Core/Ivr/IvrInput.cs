namespace Smartnumbers.Core.Ivr;

/// <summary>What moves a dial-in session on: keys from the caller, or the result of a request the machine made.</summary>
public abstract record IvrInput;
