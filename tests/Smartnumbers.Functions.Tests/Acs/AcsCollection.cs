namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Tests sharing one app configured for ACS, one stand-in ACS and the shared Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AcsCollection : ICollectionFixture<AcsAppFactory>
{
    public const string Name = "acs";
}
