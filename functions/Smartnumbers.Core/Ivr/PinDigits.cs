namespace Smartnumbers.Core.Ivr;

/// <summary>
/// A PIN as keyed in. Only <see cref="Reveal"/> gives the digits (to the verifier); every other way of turning it into
/// text says "[redacted]", so a PIN cannot reach a log, a trace or an audit entry by accident.
/// </summary>
public sealed class PinDigits : IEquatable<PinDigits>
{
    private readonly string _digits;

    public PinDigits(string digits)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        _digits = digits;
    }

    /// <summary>The digits, for the PIN verifier only.</summary>
    public string Reveal() => _digits;

    public override string ToString() => "[redacted]";

    public bool Equals(PinDigits? other) => other is not null && string.Equals(_digits, other._digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PinDigits);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_digits);
}
