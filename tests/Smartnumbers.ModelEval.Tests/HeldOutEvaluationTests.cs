using System.Globalization;
using Xunit.Abstractions;

namespace Smartnumbers.ModelEval.Tests;

/// <summary>The figures docs/core.md reports for the documented set, held as floors a little below the measured values.</summary>
[Collection(DocumentedSetCollection.Name)]
public sealed class HeldOutEvaluationTests(DocumentedSet set, ITestOutputHelper output)
{
    /// <summary>Measured 0.850 (docs/core.md); the goal of 0.90 is not reached on this set.</summary>
    private const double DefaultFloor = 0.84;
    /// <summary>Measured 0.931 (docs/core.md); the goal of 0.95 is not reached on this set.</summary>
    private const double RefitFloor = 0.92;

    [Fact]
    public void The_split_trains_on_older_calls_and_holds_out_the_newer_seventy_thirty()
    {
        var (older, newer, splitAt) = HeldOutEvaluation.SplitByTime(set.Calls);

        Assert.All(older, c => Assert.True(c.At < splitAt));
        Assert.All(newer, c => Assert.True(c.At >= splitAt));
        Assert.Equal(set.Calls.Count, older.Count + newer.Count);
        Assert.Equal(0.7, (double)older.Count / set.Calls.Count, 2);
        Assert.Contains(newer, c => c.Fraud);
    }

    [Fact]
    public void The_default_model_and_a_refit_rank_held_out_fraud_above_genuine_at_least_as_well_as_documented()
    {
        var f = set.Figures;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held-out AUC: default {f.DefaultAuc:0.000}, refit {f.RefitAuc:0.000}; {f.HeldOutCalls} held-out calls, {f.HeldOutFraud} fraud"));
        foreach (var (pattern, (d, r)) in f.ByPattern)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {pattern}: {d:0.000} / {r:0.000}"));
        }

        Assert.True(f.DefaultAuc >= DefaultFloor, $"default model's held-out AUC {f.DefaultAuc:0.000} < {DefaultFloor}");
        Assert.True(f.RefitAuc >= RefitFloor, $"refit's held-out AUC {f.RefitAuc:0.000} < {RefitFloor}");
        Assert.True(f.RefitAuc > f.DefaultAuc, "the refit should rank the held-out calls better than the default weights");
        // Every pattern the Call DNA attributes can see is ranked well by the default weights.
        foreach (var pattern in CallPatterns.Fraud.Where(p => p != CallPattern.SequentialIds))
        {
            Assert.True(f.ByPattern[pattern].Default >= 0.90, $"{pattern}: default AUC {f.ByPattern[pattern].Default:0.000}");
        }
    }
}
