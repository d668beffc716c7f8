namespace Smartnumbers.Functions.Models;

/// <summary>The body of POST …/model:rollback: the version to make live again (0 = the default weights).</summary>
internal sealed record RollbackRequest
{
    public int? Version { get; init; }
}
