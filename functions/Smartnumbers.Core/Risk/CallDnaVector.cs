using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Smartnumbers.Core.Risk;

/// <summary>
/// The attribute values of one call, indexed like <see cref="CallDnaCatalogue.All"/>, exposed as a read-only
/// name → value dictionary without building one (one array per call).
/// An attribute that cannot be computed for the call (the network comparisons when no network number reached us) is
/// <b>absent</b>: the dictionary does not contain it (so stored records and reports leave it out, distinct from 0), and
/// <see cref="Values"/> reads it as 0, so it adds nothing to the score and nothing to a refit's gradient.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "A vector of attributes, read as a dictionary.")]
public sealed class CallDnaVector : IReadOnlyDictionary<string, double>
{
    /// <summary>The most attributes a vector holds: one bit each in <see cref="_absent"/>.</summary>
    internal const int MaxAttributes = 128;

    private readonly double[] _values;
    /// <summary>Bit i set: attribute i is absent (a mask rather than an array: no second allocation per call).</summary>
    private readonly UInt128 _absent;
    private readonly int _count;

    /// <summary>Takes <paramref name="values"/> in catalogue order; a NaN marks an absent attribute.</summary>
    internal CallDnaVector(double[] values)
    {
        if (values.Length > MaxAttributes)
        {
            throw new ArgumentException($"At most {MaxAttributes} attributes, got {values.Length}.", nameof(values));
        }
        _values = values;
        _count = values.Length;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                _absent |= UInt128.One << i;
                values[i] = 0;
                _count--;
            }
        }
    }

    /// <summary>
    /// A vector read from stored attributes, e.g. for refitting: unknown names are ignored, names the dictionary lacks
    /// are absent (as they were when the call was scored; records stored before absence existed hold every name).
    /// </summary>
    public static CallDnaVector FromAttributes(IReadOnlyDictionary<string, double> attributes)
    {
        var values = new double[CallDnaCatalogue.Count];
        Array.Fill(values, double.NaN);
        foreach (var (name, value) in attributes)
        {
            var i = CallDnaCatalogue.IndexOf(name);
            if (i >= 0)
            {
                values[i] = double.IsFinite(value) ? value : 0;
            }
        }
        return new CallDnaVector(values);
    }

    /// <summary>The values in catalogue order, absent attributes as 0 (what the model multiplies by its weights).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>True when the attribute at catalogue index <paramref name="index"/> has no value for this call.</summary>
    public bool IsAbsent(int index) => (uint)index < (uint)_values.Length && (_absent & (UInt128.One << index)) != UInt128.Zero;

    internal double this[CallDnaId id] => _values[(int)id];

    public double this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    /// <summary>The names of the attributes with a value, in catalogue order.</summary>
    public IEnumerable<string> Keys => this.Select(p => p.Key);
    IEnumerable<double> IReadOnlyDictionary<string, double>.Values => this.Select(p => p.Value);

    /// <summary>How many attributes have a value (the catalogue's count less the absent ones).</summary>
    public int Count => _count;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        var i = CallDnaCatalogue.IndexOf(key);
        var present = i >= 0 && !IsAbsent(i);
        value = present ? _values[i] : 0;
        return present;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (!IsAbsent(i))
            {
                yield return new(CallDnaCatalogue.Names[i], _values[i]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
