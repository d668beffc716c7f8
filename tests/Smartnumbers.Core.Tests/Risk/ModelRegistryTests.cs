using Smartnumbers.Core.Risk;

namespace Smartnumbers.Core.Tests.Risk;

public sealed class ModelRegistryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 5, 0, 0, TimeSpan.Zero);
    private static readonly RiskModelDocument Weights = RiskModel.Default.ToDocument(trainedExamples: 100);

    private static ModelComparison Compared(double candidateAuc, double liveAuc) =>
        new(new ModelEvaluation { Auc = candidateAuc }, new ModelEvaluation { Auc = liveAuc });

    [Fact]
    public void A_refit_makes_a_candidate_and_leaves_the_live_model_alone()
    {
        var registry = ModelRegistry.Empty.WithCandidate(Weights, Compared(0.9, 0.8));

        Assert.Equal((0, 1, 1), (registry.LiveVersion, registry.CandidateVersion, registry.LastVersion));
        Assert.Same(RiskModel.Default, registry.LiveModel());
        Assert.NotNull(registry.CandidateModel());
    }

    [Fact]
    public void A_candidate_worse_on_held_out_calls_is_promoted_only_with_force_and_the_history_says_so()
    {
        var registry = ModelRegistry.Empty.WithCandidate(Weights, Compared(0.7, 0.8));

        var refused = registry.Promote(force: false, At, "admin-key");
        var forced = registry.Promote(force: true, At, "admin-key");

        Assert.False(refused.Done);
        Assert.Contains("0.700", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(1, forced.Registry!.LiveVersion);
        Assert.Null(forced.Registry.CandidateVersion);
        Assert.Equal(new ModelHistoryEntry(1, ModelHistoryEntry.Promoted, At, "admin-key") { PreviousVersion = 0, Forced = true }, forced.Registry.History.Single());
    }

    [Fact]
    public void A_candidate_compared_with_a_model_no_longer_live_needs_force()
    {
        var first = ModelRegistry.Empty.WithCandidate(Weights, Compared(0.9, 0.8)).Promote(false, At, "a").Registry!;
        var second = first.WithCandidate(Weights, Compared(0.95, 0.9));
        var rolledBack = second.RollBack(0, null, At, "a").Registry!;

        Assert.True(second.Promote(false, At, "a").Done);
        Assert.False(rolledBack.Promote(false, At, "a").Done);
        Assert.Equal(2, rolledBack.CandidateVersion); // The rollback kept the candidate.
    }

    [Fact]
    public void Roll_back_reaches_the_default_weights_or_any_version_that_was_live_but_not_others()
    {
        var registry = ModelRegistry.Empty.WithCandidate(Weights, Compared(0.9, 0.8)).Promote(false, At, "a").Registry!
            .WithCandidate(Weights, Compared(0.95, 0.9)).Promote(false, At, "a").Registry!
            .WithCandidate(Weights, Compared(0.5, 0.9));

        var toOne = registry.RollBack(1, Weights, At, "b");
        var toDefault = toOne.Registry!.RollBack(0, null, At, "b");

        Assert.Equal(1, toOne.Registry.LiveVersion);
        Assert.Equal(ModelHistoryEntry.RolledBack, toOne.Registry.History[^1].Action);
        Assert.Equal(2, toOne.Registry.History[^1].PreviousVersion);
        Assert.Equal(0, toDefault.Registry!.LiveVersion);
        Assert.Null(toDefault.Registry.Live);
        Assert.False(registry.RollBack(3, Weights, At, "b").Done); // The candidate has never been live.
        Assert.False(registry.RollBack(2, Weights, At, "b").Done); // Already live.
    }
}
