using System.Text.Json;

namespace Smartnumbers.Core.Risk;

/// <summary>
/// An explainable logistic model: fraud probability = σ(bias + Σ weightᵢ × valueᵢ) over the Call DNA attributes.
/// Immutable and thread-safe. <see cref="Default"/> uses the documented catalogue weights; <see cref="RiskModelTrainer"/>
/// fits new ones from labelled calls; <see cref="ToJson"/>/<see cref="FromJson"/> store them.
/// </summary>
public sealed class RiskModel
{
    private const int TopCount = 5;
    private readonly double[] _weights;

    /// <summary>The model of the catalogue's default weights.</summary>
    public static RiskModel Default { get; } =
        new(CallDnaCatalogue.DefaultBias, CallDnaCatalogue.All.Select(a => a.DefaultWeight).ToArray());

    internal RiskModel(double bias, double[] weights)
    {
        if (weights.Length != CallDnaCatalogue.Count)
        {
            throw new ArgumentException($"Expected {CallDnaCatalogue.Count} weights, got {weights.Length}.", nameof(weights));
        }
        Bias = bias;
        _weights = weights;
    }

    public double Bias { get; }

    /// <summary>Weights in catalogue order.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The weight of the attribute named <paramref name="name"/> (0 when unknown).</summary>
    public double WeightOf(string name)
    {
        var i = CallDnaCatalogue.IndexOf(name);
        return i >= 0 ? _weights[i] : 0;
    }

    /// <summary>Fraud probability of a vector.</summary>
    public double Probability(ReadOnlySpan<double> values)
    {
        var z = Bias;
        for (var i = 0; i < _weights.Length && i < values.Length; i++)
        {
            z += _weights[i] * values[i];
        }
        return Sigmoid(z);
    }

    /// <summary>The 0–100 score of a fraud probability (× 100, rounded half away from zero), as thresholds compare it.</summary>
    public static int ScoreOf(double probability) => (int)Math.Round(probability * 100, MidpointRounding.AwayFromZero);

    /// <summary>Scores a call's attributes: score, tags and top contributions.</summary>
    public RiskAssessment Assess(CallDnaVector vector)
    {
        var values = vector.Values;
        var p = Probability(values);
        return new RiskAssessment
        {
            Score = ScoreOf(p),
            Probability = p,
            Tags = TagsOf(values),
            Attributes = vector,
            Top = TopOf(values),
        };
    }

    /// <summary>The tags of the attributes at 0.5 or more, each once, in catalogue order of first appearance.</summary>
    private static string[] TagsOf(ReadOnlySpan<double> values)
    {
        Span<int> found = stackalloc int[CallDnaCatalogue.Tags.Length];
        var seen = 0UL;
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var tag = CallDnaCatalogue.TagIndexOf[i];
            if (tag >= 0 && values[i] >= 0.5 && (seen & (1UL << tag)) == 0)
            {
                seen |= 1UL << tag;
                found[n++] = tag;
            }
        }
        if (n == 0)
        {
            return [];
        }
        var tags = new string[n];
        for (var k = 0; k < n; k++)
        {
            tags[k] = CallDnaCatalogue.Tags[found[k]];
        }
        return tags;
    }

    private RiskContribution[] TopOf(ReadOnlySpan<double> values)
    {
        Span<int> best = stackalloc int[TopCount];
        Span<double> size = stackalloc double[TopCount];
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var c = Math.Abs(_weights[i] * values[i]);
            if (c < 1e-9)
            {
                continue;
            }
            var at = n < TopCount ? n++ : TopCount;
            if (at == TopCount && c <= size[TopCount - 1])
            {
                continue;
            }
            at = Math.Min(at, TopCount - 1);
            while (at > 0 && size[at - 1] < c)
            {
                size[at] = size[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            size[at] = c;
            best[at] = i;
        }
        var top = new RiskContribution[n];
        for (var k = 0; k < n; k++)
        {
            top[k] = new RiskContribution(CallDnaCatalogue.Names[best[k]], Math.Round(_weights[best[k]] * values[best[k]], 3));
        }
        return top;
    }

    internal static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>The model as JSON: <c>{"bias":…, "weights":{name: weight}, …}</c>.</summary>
    public string ToJson(int trainedExamples = 0, double? heldOutAuc = null) =>
        JsonSerializer.Serialize(ToDocument(trainedExamples, heldOutAuc), RiskModelJsonContext.Default.RiskModelDocument);

    /// <summary>The model as its stored document.</summary>
    public RiskModelDocument ToDocument(int trainedExamples = 0, double? heldOutAuc = null)
    {
        var weights = new Dictionary<string, double>(_weights.Length, StringComparer.Ordinal);
        for (var i = 0; i < _weights.Length; i++)
        {
            weights[CallDnaCatalogue.All[i].Name] = _weights[i];
        }
        return new RiskModelDocument { Bias = Bias, Weights = weights, TrainedExamples = trainedExamples, HeldOutAuc = heldOutAuc };
    }

    /// <summary>
    /// Loads a model from <see cref="ToJson"/> output. Attributes the JSON does not name keep their default weight,
    /// so a model stored before new attributes were added still loads. Throws <see cref="JsonException"/> on bad JSON.
    /// </summary>
    public static RiskModel FromJson(string json)
    {
        var doc = JsonSerializer.Deserialize(json, RiskModelJsonContext.Default.RiskModelDocument)
                  ?? throw new JsonException("Empty risk model document.");
        return FromDocument(doc);
    }

    /// <summary>The model of a stored document: attributes it does not name keep their default weight; non-finite values are ignored.</summary>
    public static RiskModel FromDocument(RiskModelDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var weights = Default._weights.ToArray();
        foreach (var (name, weight) in doc.Weights)
        {
            var i = CallDnaCatalogue.IndexOf(name);
            if (i >= 0 && double.IsFinite(weight))
            {
                weights[i] = weight;
            }
        }
        return new RiskModel(double.IsFinite(doc.Bias) ? doc.Bias : CallDnaCatalogue.DefaultBias, weights);
    }
}
