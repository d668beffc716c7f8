namespace Smartnumbers.Core.Ivr;

/// <summary>The result of the <see cref="VerifyPin"/> request, fed back to the machine.</summary>
public sealed record PinChecked(PinCheckResult Result) : IvrInput;
