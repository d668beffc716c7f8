namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// The fuzz and chaos tests: each class starts its own app(s), so they run one after another, beside the other
/// collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollection
{
    public const string Name = "chaos";
}
