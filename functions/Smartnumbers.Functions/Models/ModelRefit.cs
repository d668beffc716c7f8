using Microsoft.Extensions.Options;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// Refits an account's model into a candidate, never a live model: the labelled calls of the training window (calls
/// rejected before scoring left out), refused below <see cref="RiskModelOptions.MinLabelsPerClass"/> per class; split by
/// time (<see cref="HeldOutSplit"/>); trained on the older calls with the intercept set for the account's real base
/// rate (labelled fraud among every call scored in the window); then the candidate and the live model are judged on the
/// same held-out calls, each at its own number's fraud threshold, and the candidate is stored with that evaluation.
/// </summary>
internal sealed class ModelRefit(
    CallLabels labels,
    CallRecordStore records,
    ISnapshotProvider snapshots,
    AccountRiskModels models,
    ModelStore store,
    IOptions<RiskModelOptions> options,
    TimeProvider time)
{
    private static readonly int DefaultThreshold = new FraudPolicy().Threshold;

    public async Task<RefitOutcome> RunAsync(string account, AuditActor actor, CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var since = now - settings.TrainingWindow;
        var examples = new List<LabelledCall>();
        await foreach (var example in labels.ExamplesAsync(account, since, ct))
        {
            examples.Add(example);
        }

        var frauds = examples.Count(e => e.Fraud);
        var shortfall = LabelShortfall.Of(examples, settings.MinLabelsPerClass);
        if (!shortfall.Enough)
        {
            return new RefitOutcome(frauds, examples.Count - frauds) { Shortfall = shortfall };
        }

        var scored = await records.CountScoredAsync(account, since, ct);
        var baseRate = RiskModelTrainer.BaseRateOf(frauds, examples.Count, scored);
        var split = HeldOutSplit.ByTime(examples, settings.HeldOutFraction);
        var candidate = new RiskModelTrainer().Fit(split.Training, baseRate);
        var live = (await models.ReadAsync(account, ct)).Model;
        var snapshot = await snapshots.GetAsync(account, ct);
        int ThresholdOf(string? number) =>
            number is not null && snapshot?.Numbers.TryGetValue(number, out var config) == true && config.Fraud is { } policy ? policy.Threshold : DefaultThreshold;

        var evaluation = ModelEvaluator.Compare(candidate, live, split.HeldOut, ThresholdOf);
        var stored = new StoredModel
        {
            Model = candidate.ToDocument(split.Training.Count, evaluation.Candidate.Auc),
            FittedAt = now,
            FittedBy = actor.Who,
            TrainingExamples = split.Training.Count,
            TrainingFraud = split.Training.Count(c => c.Fraud),
            BaseRate = baseRate,
            ScoredCalls = scored,
            WindowStart = since,
            Evaluation = evaluation,
        };
        var (result, candidateStored) = await store.StoreCandidateAsync(account, stored, actor, ct);
        if (result.Outcome != WriteOutcome.Done)
        {
            throw new InvalidOperationException($"Storing the candidate model failed: {result.Outcome}.");
        }

        return new RefitOutcome(frauds, examples.Count - frauds)
        {
            Candidate = candidateStored,
            TrainingAuc = ModelEvaluator.Auc(candidate, split.Training),
            DefaultModel = ModelEvaluator.Evaluate(RiskModel.Default, split.HeldOut, ThresholdOf),
        };
    }
}
