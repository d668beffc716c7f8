namespace Smartnumbers.Functions.Models;

/// <summary>The body of POST …/model:promote (optional): <c>force</c> promotes a candidate whose held-out AUC is below the live model's.</summary>
internal sealed record PromoteRequest
{
    public bool Force { get; init; }
}
