using System.Globalization;
using System.Text.Json;
using Smartnumbers.Core.Risk;
using Xunit.Abstractions;

namespace Smartnumbers.Core.Tests.Risk;

public sealed class RiskModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Weights_survive_a_json_round_trip()
    {
        var fitted = new RiskModelTrainer { Epochs = 20 }.Fit(SyntheticCalls.Generate(300, 0.3, seed: 7), baseRate: 0.3);

        var json = fitted.ToJson(trainedExamples: 300, heldOutAuc: 0.9);
        var loaded = RiskModel.FromJson(json);

        Assert.Equal(fitted.Bias, loaded.Bias, 12);
        Assert.Equal(fitted.Weights.ToArray(), loaded.Weights.ToArray());
        Assert.Contains("\"callerIsCalledNumber\"", json, StringComparison.Ordinal);
        Assert.Contains("\"trainedExamples\": 300", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_a_stored_model_does_not_name_keep_their_default_weight()
    {
        var loaded = RiskModel.FromJson("""{"bias": -3, "weights": {"withheld": 2.5, "notAnAttribute": 9}}""");

        Assert.Equal(-3, loaded.Bias);
        Assert.Equal(2.5, loaded.WeightOf("withheld"));
        Assert.Equal(RiskModel.Default.WeightOf("callerIsCalledNumber"), loaded.WeightOf("callerIsCalledNumber"));
        Assert.Throws<JsonException>(() => RiskModel.FromJson("not json"));
    }

    [Fact]
    public void Top_contributions_are_ordered_by_size_and_explain_the_score()
    {
        var values = new double[CallDnaCatalogue.Count];
        values[CallDnaCatalogue.IndexOf("callerIsCalledNumber")] = 1;
        values[CallDnaCatalogue.IndexOf("withheld")] = 1;
        values[CallDnaCatalogue.IndexOf("stirPassedA")] = 1;

        var risk = RiskModel.Default.Assess(new CallDnaVector(values));

        Assert.Equal(["callerIsCalledNumber", "stirPassedA", "withheld"], risk.Top.Select(t => t.Attribute));
        Assert.Equal(-1.5, risk.Top[1].Weight);
        var z = CallDnaCatalogue.DefaultBias + 4.0 - 1.5 + 1.2;
        Assert.Equal((int)Math.Round(100 / (1 + Math.Exp(-z)), MidpointRounding.AwayFromZero), risk.Score);
        Assert.Equal(["spoofed", "withheld"], risk.Tags.Order());
    }

    [Fact]
    public void A_model_fitted_on_labelled_calls_ranks_held_out_fraud_above_genuine()
    {
        var calls = SyntheticCalls.Generate(3000, fraudRate: 0.2, seed: 20261123);
        var training = calls.Take(2100).ToList();
        var heldOut = calls.Skip(2100).ToList();

        var fitted = new RiskModelTrainer().Fit(training, baseRate: 0.2);
        var fittedAuc = ModelEvaluator.Auc(fitted, heldOut);
        var defaultAuc = ModelEvaluator.Auc(RiskModel.Default, heldOut);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held-out AUC: fitted {fittedAuc:0.000}, default weights {defaultAuc:0.000} ({heldOut.Count} calls, {heldOut.Count(c => c.Fraud)} fraud)"));
        Assert.True(fittedAuc >= 0.90, $"fitted AUC {fittedAuc:0.000}");
        Assert.True(defaultAuc >= 0.80, $"default AUC {defaultAuc:0.000}");
        Assert.True(fittedAuc >= defaultAuc - 0.01, $"fitting made ranking worse: {fittedAuc:0.000} < {defaultAuc:0.000}");
    }

    [Fact]
    public void A_refit_on_a_suspicion_labelled_set_keeps_scores_at_the_accounts_real_base_rate()
    {
        // Operators label the calls that looked suspicious: half the labelled set is fraud, but 2% of real traffic is.
        var labelled = SyntheticCalls.Generate(400, fraudRate: 0.5, seed: 11);
        var traffic = SyntheticCalls.Generate(4000, fraudRate: 0.02, seed: 12);
        var frauds = labelled.Count(c => c.Fraud);
        var baseRate = RiskModelTrainer.BaseRateOf(frauds, labelled.Count, scoredCalls: frauds * 50);

        var fitted = new RiskModelTrainer().Fit(labelled, baseRate);
        var meanScore = traffic.Average(c => fitted.Probability(CallDnaVector.FromAttributes(c.Attributes).Values));
        var meanGenuine = traffic.Where(c => !c.Fraud).Average(c => fitted.Probability(CallDnaVector.FromAttributes(c.Attributes).Values));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"base rate {baseRate:0.0000}; mean fraud probability on 2% traffic {meanScore:0.0000}, on its genuine calls {meanGenuine:0.0000}"));
        Assert.Equal(0.02, baseRate, 3);
        Assert.InRange(meanScore, 0.005, 0.08); // The labelled set's 50% would put it near 0.5.
        Assert.True(meanGenuine < 0.05, $"genuine calls average {meanGenuine:0.000}");
    }

    [Fact]
    public void Auc_is_one_for_perfect_ranking_and_a_half_for_ties()
    {
        var fraud = new LabelledCall(new Dictionary<string, double> { ["callerIsCalledNumber"] = 1 }, true);
        var genuine = new LabelledCall(new Dictionary<string, double>(), false);

        Assert.Equal(1.0, ModelEvaluator.Auc(RiskModel.Default, [fraud, genuine, genuine]));
        Assert.Equal(0.5, ModelEvaluator.Auc(RiskModel.Default, [genuine with { Fraud = true }, genuine]));
    }
}
