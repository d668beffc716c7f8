using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Smartnumbers.Core.Risk;

/// <summary>
/// The attribute values of one call, indexed like <see cref="CallDnaCatalogue.All"/>, exposed as a read-only
/// name → value dictionary without building one (one array per call).
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "A vector of attributes, read as a dictionary.")]
public sealed class CallDnaVector : IReadOnlyDictionary<string, double>
{
    private readonly double[] _values;

    internal CallDnaVector(double[] values) => _values = values;

    /// <summary>A vector read from stored attributes (unknown names ignored, missing ones 0), e.g. for refitting.</summary>
    public static CallDnaVector FromAttributes(IReadOnlyDictionary<string, double> attributes)
    {
        var values = new double[CallDnaCatalogue.Count];
        foreach (var (name, value) in attributes)
        {
            var i = CallDnaCatalogue.IndexOf(name);
            if (i >= 0 && double.IsFinite(value))
            {
                values[i] = value;
            }
        }
        return new CallDnaVector(values);
    }

    /// <summary>The values in catalogue order.</summary>
    public ReadOnlySpan<double> Values => _values;

    internal double this[CallDnaId id] => _values[(int)id];

    public double this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => CallDnaCatalogue.All.Select(a => a.Name);
    IEnumerable<double> IReadOnlyDictionary<string, double>.Values => _values;
    public int Count => _values.Length;
    public bool ContainsKey(string key) => CallDnaCatalogue.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        var i = CallDnaCatalogue.IndexOf(key);
        value = i >= 0 ? _values[i] : 0;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new(CallDnaCatalogue.All[i].Name, _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
