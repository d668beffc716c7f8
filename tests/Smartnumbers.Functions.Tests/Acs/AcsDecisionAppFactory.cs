namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>The ACS app deciding calls with the real decision core, snapshots and counters (Azurite).</summary>
public sealed class AcsDecisionAppFactory : AcsAppFactory
{
    protected override bool UseTestRouter => false;
}
