namespace Smartnumbers.Functions.Tests.Acs;

[CollectionDefinition(Name)]
public sealed class AcsDecisionCollection : ICollectionFixture<AcsDecisionAppFactory>
{
    public const string Name = "acs-decisions";
}
