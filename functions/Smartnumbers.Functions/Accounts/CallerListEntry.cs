namespace Smartnumbers.Functions.Accounts;

/// <summary>The body of PUT …/lists/{block|allow}/{entry}: an optional note (e.g. why the caller is blocked).</summary>
public sealed record CallerListEntry
{
    public string? Note { get; init; }
}
