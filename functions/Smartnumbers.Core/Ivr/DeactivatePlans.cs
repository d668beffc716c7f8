namespace Smartnumbers.Core.Ivr;

/// <summary>Deactivate whichever plan is active: every number goes back to its normal route.</summary>
public sealed record DeactivatePlans : IvrAction
{
    public override string Describe() => "deactivate dial plans";
}
