namespace Smartnumbers.Core.Ivr;

/// <summary>Activate the plan loaded in <see cref="Slot"/>, provided it is still <see cref="PlanId"/> (else <see cref="IvrActionOutcome.Stale"/>).</summary>
public sealed record ActivatePlan : IvrAction
{
    public required int Slot { get; init; }
    public required string PlanId { get; init; }
    public required string PlanName { get; init; }

    public override string Describe() => $"activate plan {PlanId} (slot {Slot})";
}
