namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>The console's browser tests: one app on a loopback port and one chromium for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
