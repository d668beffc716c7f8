namespace Smartnumbers.Functions.Tests.Infrastructure;

/// <summary>Tests that share one in-process app and the shared Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<SmartnumbersAppFactory>
{
    public const string Name = "app";
}
