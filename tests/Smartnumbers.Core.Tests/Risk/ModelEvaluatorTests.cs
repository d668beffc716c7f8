using System.Globalization;
using Smartnumbers.Core.Risk;
using Xunit.Abstractions;

namespace Smartnumbers.Core.Tests.Risk;

public sealed class ModelEvaluatorTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static LabelledCall Labelled(bool fraud, int day, string? number = null, double spoof = 0) =>
        new(new Dictionary<string, double> { ["callerIsCalledNumber"] = spoof }, fraud) { At = Start.AddDays(day), CalledNumber = number };

    [Fact]
    public void The_split_holds_out_the_newest_share_of_each_class_and_trains_on_the_older_calls()
    {
        var calls = Enumerable.Range(0, 10).Select(d => Labelled(fraud: false, day: d))
            .Concat(Enumerable.Range(0, 5).Select(d => Labelled(fraud: true, day: 20 - d))).ToList();

        var split = HeldOutSplit.ByTime(calls, 0.2);

        Assert.Equal([8, 9], split.HeldOut.Where(c => !c.Fraud).Select(c => (c.At - Start).Days).Order());
        Assert.Equal([20], split.HeldOut.Where(c => c.Fraud).Select(c => (c.At - Start).Days));
        Assert.Equal(12, split.Training.Count);
        Assert.True(split.Training.Where(c => !c.Fraud).Max(c => c.At) < split.HeldOut.Where(c => !c.Fraud).Min(c => c.At));
    }

    [Fact]
    public void Precision_and_recall_judge_each_call_at_its_own_numbers_threshold()
    {
        // The default model scores a spoofed call 50 (bias −4 + 4) and a clean one 2.
        var calls = new[]
        {
            Labelled(fraud: true, 0, "+441134960001", spoof: 1),  // 50 ≥ 40: caught
            Labelled(fraud: true, 1, "+441134960002", spoof: 1),  // 50 < 60: missed
            Labelled(fraud: false, 2, "+441134960001", spoof: 1), // 50 ≥ 40: false alarm
            Labelled(fraud: false, 3, "+441134960002"),           // 2 < 60
        };
        var thresholds = new Dictionary<string, int> { ["+441134960001"] = 40, ["+441134960002"] = 60 };

        var evaluation = ModelEvaluator.Evaluate(RiskModel.Default, calls, n => thresholds[n!]);

        Assert.Equal((2, 1), (evaluation.Flagged, evaluation.FraudFlagged));
        Assert.Equal(0.5, evaluation.Precision);
        Assert.Equal(0.5, evaluation.Recall);
        var p1 = 0.5;
        var p0 = 1 / (1 + Math.Exp(4));
        Assert.Equal(((p1 - 1) * (p1 - 1) * 2 + (p1 * p1) + (p0 * p0)) / 4, evaluation.BrierScore!.Value, 9);
        Assert.Equal(0.75, evaluation.Auc!.Value, 9); // Fraud {50, 50} against genuine {50, 2}: one tie, three wins of four.
    }

    [Fact]
    public void Figures_that_cannot_be_measured_are_null_and_such_a_candidate_is_not_at_least_as_good()
    {
        var genuineOnly = new[] { Labelled(fraud: false, 0), Labelled(fraud: false, 1) };

        var evaluation = ModelEvaluator.Evaluate(RiskModel.Default, genuineOnly, _ => 70);
        var comparison = ModelEvaluator.Compare(RiskModel.Default, RiskModel.Default, genuineOnly, _ => 70);

        Assert.Null(evaluation.Auc);
        Assert.Null(evaluation.Recall);
        Assert.Null(evaluation.Precision);
        Assert.NotNull(evaluation.BrierScore);
        Assert.False(comparison.CandidateAtLeastAsGood);
    }

    [Fact]
    public void A_candidate_trained_on_older_calls_is_compared_with_the_live_model_on_the_newer_ones()
    {
        var calls = SyntheticCalls.Generate(2000, fraudRate: 0.2, seed: 5)
            .Select((c, i) => c with { At = Start.AddHours(i), CalledNumber = "+441134960001" }).ToList();
        var split = HeldOutSplit.ByTime(calls, 0.25);
        var candidate = new RiskModelTrainer().Fit(split.Training, baseRate: 0.2);
        // A live model that has lost its spoof weight ranks worse than the candidate.
        var broken = RiskModel.FromJson("""{"bias": -4, "weights": {"callerIsCalledNumber": -4, "withheld": -2}}""");

        var comparison = ModelEvaluator.Compare(candidate, RiskModel.Default, split.HeldOut, _ => 70);
        var againstBroken = ModelEvaluator.Compare(candidate, broken, split.HeldOut, _ => 70);
        var brokenAsCandidate = ModelEvaluator.Compare(broken, candidate, split.HeldOut, _ => 70);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held out {comparison.Candidate.Calls} ({comparison.Candidate.FraudCalls} fraud): candidate AUC {comparison.Candidate.Auc:0.000} Brier {comparison.Candidate.BrierScore:0.000}; default AUC {comparison.Live.Auc:0.000} Brier {comparison.Live.BrierScore:0.000}"));
        Assert.Equal(500, comparison.Candidate.Calls);
        Assert.Equal(comparison.Candidate.FraudCalls, comparison.Live.FraudCalls);
        Assert.True(againstBroken.CandidateAtLeastAsGood);
        Assert.False(brokenAsCandidate.CandidateAtLeastAsGood);
        Assert.True(comparison.Candidate.Auc > 0.85);
    }

    [Fact]
    public void The_label_shortfall_says_how_many_more_of_each_class_are_needed()
    {
        var calls = Enumerable.Range(0, 12).Select(d => Labelled(fraud: d < 3, day: d)).ToList();

        Assert.Equal(new LabelShortfall(47, 41), LabelShortfall.Of(calls, 50));
        Assert.True(LabelShortfall.Of(calls, 3).Enough);
    }
}
