namespace Smartnumbers.Functions.ApiKeys;

/// <summary>POST …/keys body.</summary>
public sealed record NewApiKey
{
    public required ApiKeyRole Role { get; init; }
    public required string Name { get; init; }
}
