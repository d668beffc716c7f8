namespace Smartnumbers.Core.Ivr;

/// <summary>How to collect the caller's next keys.</summary>
/// <param name="MaxDigits">Most keys to collect (the finish key not counted).</param>
/// <param name="FinishOnHash">True: # ends the entry (and is not part of it); false: collection ends at <paramref name="MaxDigits"/> and # is a key.</param>
/// <param name="Timeout">Silence after which the entry ends (with whatever was pressed, possibly nothing).</param>
public sealed record IvrGather(int MaxDigits, bool FinishOnHash, TimeSpan Timeout);
